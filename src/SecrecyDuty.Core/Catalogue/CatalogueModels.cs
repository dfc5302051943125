namespace SecrecyDuty.Core.Catalogue;

/// <summary>One loaded version of a regulation.</summary>
public sealed record RegulationEdition(string Code, string Version, string Title, string TitleEn, bool IsCurrent);

public sealed record CatalogueDutyItem(string Code, DutyHolder Holder, string Text, string SummaryEn, int? MinimumPerYear, int? ExpectedPerYear);

public sealed record CatalogueRuleArea(string Code, string Name, string NameEn);

public sealed record CatalogueDeficiency(string Code, string Text, string SummaryEn);

public sealed record CatalogueSanctionRule(
    string Code,
    string Condition,
    string ConditionEn,
    string? Administrative,
    string? AdministrativeEn,
    string? Party,
    string? PartyEn);

/// <summary>An article with what the catalogue derives from it.</summary>
public sealed record CatalogueArticle(
    string Code,
    ArticlePart Part,
    string Source,
    string Label,
    string Text,
    string SummaryEn,
    IReadOnlyList<CatalogueDutyItem> DutyItems,
    IReadOnlyList<CatalogueRuleArea> RuleAreas,
    IReadOnlyList<CatalogueDeficiency> Deficiencies,
    IReadOnlyList<CatalogueSanctionRule> SanctionRules)
{
    /// <summary>The text's paragraphs, as the file separates them.</summary>
    public IReadOnlyList<string> Paragraphs => Text.Split('\n');

    public bool HasItems => DutyItems.Count + RuleAreas.Count + Deficiencies.Count + SanctionRules.Count > 0;
}

/// <summary>The appended provisions of one other law.</summary>
public sealed record AppendixGroup(string Source, IReadOnlyList<CatalogueArticle> Articles);

/// <summary>
/// What the Regulation page shows: the version shown, every loaded version of every regulation (for the
/// version picker), the search term applied (null: the whole regulation) and the articles.
/// </summary>
public sealed record CatalogueView(
    RegulationEdition Regulation,
    IReadOnlyList<RegulationEdition> Editions,
    string? Search,
    IReadOnlyList<CatalogueArticle> Body,
    IReadOnlyList<AppendixGroup> Appendix)
{
    public int ArticleCount => Body.Count + Appendix.Sum(g => g.Articles.Count);
}
