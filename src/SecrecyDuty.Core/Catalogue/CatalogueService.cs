using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Catalogue;

/// <summary>
/// Read side of the regulation catalogue. The catalogue is reference data, the same for every account in
/// every jurisdiction, so it needs no jurisdiction filter.
/// </summary>
public sealed class CatalogueService(ISecrecyDutyDb db)
{
    private const string LikeEscape = "\\";

    /// <summary>
    /// The regulation version <paramref name="code"/>/<paramref name="version"/> (by default the current
    /// version; of the first regulation when no code is given), optionally narrowed to what matches
    /// <paramref name="search"/>. Null when no such version is loaded.
    /// </summary>
    /// <remarks>
    /// Search matches the code, label, source, Chinese text and English summary of articles, and the code,
    /// texts and English of duty items, rule areas, deficiencies and sanction rules. An article that matches
    /// keeps all its items; otherwise only its matching items show, and it shows only when it has one.
    /// </remarks>
    public async Task<CatalogueView?> GetAsync(string? code, string? version, string? search, CancellationToken cancellationToken = default)
    {
        var editions = await db.Regulations.AsNoTracking()
            .Select(r => new { r.Id, Edition = new RegulationEdition(r.Code, r.Version, r.Title, r.TitleEn, r.IsCurrent) })
            .ToListAsync(cancellationToken);
        editions = [.. editions
            .OrderBy(e => e.Edition.Code, StringComparer.Ordinal)
            .ThenByDescending(e => e.Edition.Version, RegulationVersion.Comparer)];
        var chosen = string.IsNullOrWhiteSpace(code)
            ? editions.OrderByDescending(e => e.Edition.IsCurrent).FirstOrDefault()
            : editions
                .Where(e => e.Edition.Code == code && (string.IsNullOrWhiteSpace(version) ? e.Edition.IsCurrent : e.Edition.Version == version))
                .FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var id = chosen.Id;
        var term = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var pattern = term is null ? null : "%" + EscapeLike(term) + "%";

        var articles = await db.RegulationArticles.AsNoTracking()
            .Where(a => a.RegulationId == id)
            .OrderBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Id,
                a.Code,
                a.Part,
                a.Source,
                a.Label,
                a.Text,
                a.SummaryEn,
                Matches = pattern == null
                    || EF.Functions.Like(a.Code, pattern, LikeEscape)
                    || EF.Functions.Like(a.Label, pattern, LikeEscape)
                    || EF.Functions.Like(a.Source, pattern, LikeEscape)
                    || EF.Functions.Like(a.Text, pattern, LikeEscape)
                    || EF.Functions.Like(a.SummaryEn, pattern, LikeEscape),
            })
            .ToListAsync(cancellationToken);
        var matching = articles.Where(a => a.Matches).Select(a => a.Id).ToList();

        var dutyItems = await db.DutyItems.AsNoTracking()
            .Where(d => d.RegulationId == id)
            .Where(d => pattern == null
                || matching.Contains(d.ArticleId)
                || EF.Functions.Like(d.Code, pattern, LikeEscape)
                || EF.Functions.Like(d.Text, pattern, LikeEscape)
                || EF.Functions.Like(d.SummaryEn, pattern, LikeEscape))
            .OrderBy(d => d.SortOrder)
            .Select(d => new { d.ArticleId, Item = new CatalogueDutyItem(d.Code, d.AppliesTo, d.Text, d.SummaryEn, d.MinimumPerYear, d.ExpectedPerYear) })
            .ToListAsync(cancellationToken);
        var ruleAreas = await db.RuleAreas.AsNoTracking()
            .Where(r => r.RegulationId == id)
            .Where(r => pattern == null
                || matching.Contains(r.ArticleId)
                || EF.Functions.Like(r.Code, pattern, LikeEscape)
                || EF.Functions.Like(r.Name, pattern, LikeEscape)
                || EF.Functions.Like(r.NameEn, pattern, LikeEscape))
            .OrderBy(r => r.SortOrder)
            .Select(r => new { r.ArticleId, Item = new CatalogueRuleArea(r.Code, r.Name, r.NameEn) })
            .ToListAsync(cancellationToken);
        var deficiencies = await db.DeficiencyCategories.AsNoTracking()
            .Where(d => d.RegulationId == id)
            .Where(d => pattern == null
                || matching.Contains(d.ArticleId)
                || EF.Functions.Like(d.Code, pattern, LikeEscape)
                || EF.Functions.Like(d.Text, pattern, LikeEscape)
                || EF.Functions.Like(d.SummaryEn, pattern, LikeEscape))
            .OrderBy(d => d.SortOrder)
            .Select(d => new { d.ArticleId, Item = new CatalogueDeficiency(d.Code, d.Text, d.SummaryEn) })
            .ToListAsync(cancellationToken);
        var sanctionRules = await db.SanctionRules.AsNoTracking()
            .Where(s => s.RegulationId == id)
            .Where(s => pattern == null
                || matching.Contains(s.ArticleId)
                || EF.Functions.Like(s.Code, pattern, LikeEscape)
                || EF.Functions.Like(s.Condition, pattern, LikeEscape)
                || EF.Functions.Like(s.ConditionEn, pattern, LikeEscape)
                || EF.Functions.Like(s.Administrative, pattern, LikeEscape)
                || EF.Functions.Like(s.AdministrativeEn, pattern, LikeEscape)
                || EF.Functions.Like(s.Party, pattern, LikeEscape)
                || EF.Functions.Like(s.PartyEn, pattern, LikeEscape))
            .OrderBy(s => s.SortOrder)
            .Select(s => new { s.ArticleId, Item = new CatalogueSanctionRule(s.Code, s.Condition, s.ConditionEn, s.Administrative, s.AdministrativeEn, s.Party, s.PartyEn) })
            .ToListAsync(cancellationToken);

        var shown = articles
            .Select(a => (a.Matches, Article: new CatalogueArticle(
                a.Code,
                a.Part,
                a.Source,
                a.Label,
                a.Text,
                a.SummaryEn,
                [.. dutyItems.Where(i => i.ArticleId == a.Id).Select(i => i.Item)],
                [.. ruleAreas.Where(i => i.ArticleId == a.Id).Select(i => i.Item)],
                [.. deficiencies.Where(i => i.ArticleId == a.Id).Select(i => i.Item)],
                [.. sanctionRules.Where(i => i.ArticleId == a.Id).Select(i => i.Item)])))
            .Where(x => x.Matches || x.Article.HasItems)
            .Select(x => x.Article)
            .ToList();

        // The appendix is grouped by the law each provision comes from, in the file's order.
        var appendix = shown
            .Where(a => a.Part == ArticlePart.Appendix)
            .GroupBy(a => a.Source)
            .Select(g => new AppendixGroup(g.Key, [.. g]))
            .ToList();
        return new CatalogueView(
            chosen.Edition,
            [.. editions.Select(e => e.Edition)],
            term,
            [.. shown.Where(a => a.Part == ArticlePart.Body)],
            appendix);
    }

    /// <summary>A search term as a literal inside a LIKE pattern (the same escapes on SQLite and SQL Server).</summary>
    internal static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal)
            .Replace("[", LikeEscape + "[", StringComparison.Ordinal);
}
