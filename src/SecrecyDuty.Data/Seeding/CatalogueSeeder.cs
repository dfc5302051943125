using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Data.Seeding;

/// <summary>
/// Loads the regulation files shipped with the app (<c>Regulations/*.json</c>, docs/regulation-catalogue.md)
/// into the catalogue tables. A (code, version) already in the database is left as it is: records made
/// under a version keep referring to its rows. The newest version of each code is the current one.
/// Every file is checked before anything is written; one bad file stops the whole load.
/// </summary>
public sealed partial class CatalogueSeeder(AppDbContext db, TimeProvider clock, ILogger<CatalogueSeeder> logger)
{
    public const string FolderName = "Regulations";

    /// <summary>The folder the build copies the regulation files to, beside the app.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, FolderName);

    public Task<IReadOnlyList<RegulationEdition>> SeedAsync(CancellationToken cancellationToken = default) =>
        SeedAsync(DefaultDirectory, cancellationToken);

    /// <summary>Loads every <c>*.json</c> of <paramref name="directory"/>; returns the versions it added.</summary>
    /// <exception cref="RegulationFileException">A file is malformed, or the folder holds none.</exception>
    public async Task<IReadOnlyList<RegulationEdition>> SeedAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var results = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(RegulationLoader.Load).ToList()
            : [];
        var problems = results.SelectMany(r => r.Problems).ToList();
        if (results.Count == 0)
        {
            problems.Add(new RegulationFileProblem(directory, "$", "holds no regulation file (*.json); the app needs at least one"));
        }

        problems.AddRange(results
            .Where(r => r.Succeeded)
            .GroupBy(r => (r.Regulation!.Code, r.Regulation.Version))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(r => new RegulationFileProblem(
                r.File, "$.version", $"{g.Key.Code} version {g.Key.Version} is also in {g.First().File}: give each version one file"))));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                LogProblem(logger, problem.File, problem.Path, problem.Problem);
            }

            throw new RegulationFileException(problems);
        }

        var loaded = await db.Regulations
            .Select(r => new { r.Code, r.Version })
            .ToListAsync(cancellationToken);
        var added = new List<RegulationEdition>();

        // Oldest first, so that each new version can tell whether it supersedes what is there.
        foreach (var result in results
            .OrderBy(r => r.Regulation!.Code, StringComparer.Ordinal)
            .ThenBy(r => r.Regulation!.Version, RegulationVersion.Comparer))
        {
            var definition = result.Regulation!;
            if (loaded.Any(l => l.Code == definition.Code && l.Version == definition.Version))
            {
                continue;
            }

            var isCurrent = await SupersedeAsync(definition, cancellationToken);
            Add(definition, result.File, isCurrent);
            await db.SaveChangesAsync(cancellationToken);
            added.Add(new RegulationEdition(definition.Code, definition.Version, definition.Title, definition.TitleEn, isCurrent));
            LogLoaded(logger, definition.Code, definition.Version, result.File, isCurrent);
        }

        return added;
    }

    /// <summary>
    /// When <paramref name="definition"/> is newer than every stored version of its code, marks those
    /// (tracked, saved with the new version) as no longer current and returns true.
    /// </summary>
    private async Task<bool> SupersedeAsync(RegulationDefinition definition, CancellationToken cancellationToken)
    {
        var others = await db.Regulations.Where(r => r.Code == definition.Code).ToListAsync(cancellationToken);
        if (others.Any(r => RegulationVersion.Comparer.Compare(r.Version, definition.Version) > 0))
        {
            return false;
        }

        foreach (var other in others)
        {
            other.IsCurrent = false;
        }

        return true;
    }

    private void Add(RegulationDefinition definition, string file, bool isCurrent)
    {
        var articles = definition.Articles
            .Select((a, i) => new RegulationArticle
            {
                Code = a.Code,
                Part = a.Part,
                Source = a.Source,
                Label = a.Label,
                Text = a.Text,
                SummaryEn = a.SummaryEn,
                SortOrder = i + 1,
            })
            .ToList();
        var regulation = new Regulation
        {
            // An explicit temporary key: the items below refer to the regulation by key (they have no
            // navigation to it), and EF Core replaces it with the generated one in the same save.
            Id = -1,
            Code = definition.Code,
            Version = definition.Version,
            Title = definition.Title,
            TitleEn = definition.TitleEn,
            SourceFile = file,
            LoadedAtUtc = clock.GetUtcNow().UtcDateTime,
            IsCurrent = isCurrent,
            Articles = articles,
        };
        db.Regulations.Add(regulation).Property(r => r.Id).IsTemporary = true;

        var byCode = articles.ToDictionary(a => a.Code, StringComparer.Ordinal);
        db.DutyItems.AddRange(definition.DutyItems.Select((d, i) => new DutyItem
        {
            RegulationId = regulation.Id,
            Code = d.Code,
            Article = byCode[d.Article],
            AppliesTo = d.Holder,
            Text = d.Text,
            SummaryEn = d.SummaryEn,
            MinimumPerYear = d.MinimumPerYear,
            ExpectedPerYear = d.ExpectedPerYear,
            ExpectedPeriodsPerYear = d.ExpectedPeriodsPerYear,
            SortOrder = i + 1,
        }));
        db.RuleAreas.AddRange(definition.RuleAreas.Select((r, i) => new RuleArea
        {
            RegulationId = regulation.Id,
            Code = r.Code,
            Article = byCode[r.Article],
            Name = r.Name,
            NameEn = r.NameEn,
            SortOrder = i + 1,
        }));
        db.DeficiencyCategories.AddRange(definition.Deficiencies.Select((d, i) => new DeficiencyCategory
        {
            RegulationId = regulation.Id,
            Code = d.Code,
            Article = byCode[d.Article],
            Text = d.Text,
            SummaryEn = d.SummaryEn,
            SortOrder = i + 1,
        }));
        db.SanctionRules.AddRange(definition.SanctionRules.Select((s, i) => new SanctionRule
        {
            RegulationId = regulation.Id,
            Code = s.Code,
            Article = byCode[s.Article],
            Condition = s.Condition,
            ConditionEn = s.ConditionEn,
            Administrative = s.Administrative,
            AdministrativeEn = s.AdministrativeEn,
            Party = s.Party,
            PartyEn = s.PartyEn,
            SortOrder = i + 1,
        }));
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Regulation file {File}: {Path}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string file, string path, string problem);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Regulation {Code} version {Version} loaded from {File} (current: {IsCurrent})")]
    private static partial void LogLoaded(ILogger logger, string code, string version, string file, bool isCurrent);
}
