using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Inspections.Scoring;

namespace SecrecyDuty.Data.Seeding;

/// <summary>
/// Loads the checklist templates shipped with the app (<c>InspectionTemplates/*.json</c>, docs/inspection-templates.md),
/// as <see cref="CatalogueSeeder"/> loads the regulations, and after them: items refer to the catalogue's codes. A
/// (code, version) already in the database is left as it is; the newest version of each code is the current one.
/// Every file is checked before anything is written; one bad file stops the whole load.
/// </summary>
public sealed partial class ScoreTemplateSeeder(AppDbContext db, TimeProvider clock, ILogger<ScoreTemplateSeeder> logger)
{
    public const string FolderName = "InspectionTemplates";

    /// <summary>Who the audit trail and the template list show as having loaded a shipped file.</summary>
    public const string SystemLoader = "(system)";

    /// <summary>The folder the build copies the template files to, beside the app.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, FolderName);

    public Task<IReadOnlyList<ScoreTemplateEdition>> SeedAsync(CancellationToken cancellationToken = default) =>
        SeedAsync(DefaultDirectory, cancellationToken);

    /// <summary>Loads every <c>*.json</c> of <paramref name="directory"/>; returns the versions it added.</summary>
    /// <exception cref="ScoreTemplateFileException">A file is malformed or refers to codes the catalogue lacks.</exception>
    public async Task<IReadOnlyList<ScoreTemplateEdition>> SeedAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            // Inspections work without a scored template; an installation may ship none.
            LogNoTemplates(logger, directory);
            return [];
        }

        var references = await ScoreTemplateStore.ReferencesAsync(db, cancellationToken);
        var results = files.Select(f => ScoreTemplateLoader.Load(f, references)).ToList();
        var problems = results.SelectMany(r => r.Problems).ToList();
        problems.AddRange(results
            .Where(r => r.Succeeded)
            .GroupBy(r => (r.Template!.Code, r.Template.Version))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(r => new ScoreTemplateFileProblem(
                r.File, "$.version", ScoreTemplateProblems.SameVersionTwice, [g.Key.Code, g.Key.Version, g.First().File]))));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                LogProblem(logger, problem.File, problem.Path, problem.Problem);
            }

            throw new ScoreTemplateFileException(problems);
        }

        var loaded = await db.ScoreTemplates.Select(t => new { t.Code, t.Version }).ToListAsync(cancellationToken);
        var added = new List<ScoreTemplateEdition>();

        // Shipped reference data is not audited, like the catalogue: the record itself says it came with the app
        // (LoadedBy). A bureau's upload, through ScoreTemplateService, is.
        var auditEachRecord = db.AuditEachRecord;
        db.AuditEachRecord = false;
        try
        {
            // Oldest first, so that each new version can tell whether it supersedes what is there.
            foreach (var result in results
                .OrderBy(r => r.Template!.Code, StringComparer.Ordinal)
                .ThenBy(r => r.Template!.Version, RegulationVersion.Comparer))
            {
                var definition = result.Template!;
                if (loaded.Any(l => l.Code == definition.Code && l.Version == definition.Version))
                {
                    continue;
                }

                var template = await ScoreTemplateStore.AddAsync(
                    db, definition, result.File, clock.GetUtcNow().UtcDateTime, SystemLoader, null, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                added.Add(new ScoreTemplateEdition(template.Id, template.Code, template.Version, template.Title, template.TitleEn, template.IsCurrent));
                LogLoaded(logger, definition.Code, definition.Version, result.File, template.IsCurrent);
            }
        }
        finally
        {
            db.AuditEachRecord = auditEachRecord;
        }

        return added;
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "Inspection template file {File}: {Path}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string file, string path, string problem);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Inspection template {Code} version {Version} loaded from {File} (current: {IsCurrent})")]
    private static partial void LogLoaded(ILogger logger, string code, string version, string file, bool isCurrent);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "No inspection template (*.json) in {Directory}: scored inspections have no template to use")]
    private static partial void LogNoTemplates(ILogger logger, string directory);
}
