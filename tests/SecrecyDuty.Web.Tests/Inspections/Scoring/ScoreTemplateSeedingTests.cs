using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections.Scoring;

/// <summary>Issue 8: the shipped checklist template is data, loaded at start-up after the regulation catalogue, idempotently.</summary>
public sealed class ScoreTemplateSeedingTests
{
    private const string Code = ScoreTemplateTestData.ShippedCode;

    private sealed record Counts(int Templates, int Grades, int Categories, int Items);

    private static Task<Counts> CountsAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return new Counts(
                await db.ScoreTemplates.CountAsync(),
                await db.ScoreTemplateGrades.CountAsync(),
                await db.ScoreTemplateCategories.CountAsync(),
                await db.ScoreTemplateItems.CountAsync());
        });

    [Fact]
    public async Task The_shipped_template_is_in_the_database_after_start_up()
    {
        using var app = TestApp.Rent();

        Assert.Equal(new Counts(1, 3, 4, 4 + 11 + 5 + 9), await CountsAsync(app));
        var template = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.AsNoTracking().SingleAsync());
        Assert.Equal(
            (Code, "1.0", true, $"{Code}-1.0.json", ScoreTemplateSeeder.SystemLoader, (int?)null, app.Clock.GetUtcNow().UtcDateTime),
            (template.Code, template.Version, template.IsCurrent, template.SourceFile, template.LoadedBy, template.LoadedByUnitId, template.LoadedAtUtc));

        // Shipped reference data, like the catalogue: nothing in every administrator's audit trail.
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(a => a.EntityType == nameof(ScoreTemplate))));
    }

    [Fact]
    public async Task The_stored_template_is_the_file_item_for_item()
    {
        using var app = TestApp.Rent();
        var file = ScoreTemplateLoader.Load(ScoreTemplateTestData.ShippedPath).Template!;

        var stored = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = await db.ScoreTemplates.Select(t => t.Id).SingleAsync();
            return (await ScoreTemplateStore.DefinitionAsync(db, id))!.Value;
        });

        Assert.Equal(file.Grades, stored.Definition.Grades);
        Assert.Equal(file.Categories.Select(c => (c.Code, c.Name, c.Items.Count)), stored.Definition.Categories.Select(c => (c.Code, c.Name, c.Items.Count)));
        Assert.Equal(
            file.Items.Select(i => (i.Code, i.Text, i.TextEn, i.Points, i.DeductionPerDefect, i.ExtraPerOccurrence, i.IsVeto, i.DutyCode, i.DeficiencyCode)),
            stored.Definition.Items.Select(i => (i.Code, i.Text, i.TextEn, i.Points, i.DeductionPerDefect, i.ExtraPerOccurrence, i.IsVeto, i.DutyCode, i.DeficiencyCode)));
        Assert.Equal(100m, stored.Definition.TotalPoints);
        Assert.Equal(file.Items.Count, stored.ItemIds.Count);
    }

    [Fact]
    public async Task Unit_kinds_are_stored_and_read_back()
    {
        using var app = TestApp.Rent();
        var document = ScoreTemplateTestData.Shipped(version: "1.1");
        document["categories"]![3]!["items"]![7]!["unitKinds"] = new System.Text.Json.Nodes.JsonArray("PublicInstitution", "StateOwnedEnterprise");
        var folder = ScoreTemplateTestData.Folder(app, ($"{Code}-1.1.json", document));

        var added = await app.InScopeAsync(sp => sp.GetRequiredService<ScoreTemplateSeeder>().SeedAsync(folder));

        var kinds = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplateItems.AsNoTracking()
            .Where(i => i.ScoreTemplateId == added[0].Id && i.Code == "4.8").Select(i => i.UnitKinds).SingleAsync());
        Assert.Equal([UnitKind.PublicInstitution, UnitKind.StateOwnedEnterprise], kinds);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        using var app = TestApp.Rent();
        var before = await CountsAsync(app);

        var added = await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            return await sp.GetRequiredService<ScoreTemplateSeeder>().SeedAsync();
        });

        Assert.Empty(added);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task A_new_version_becomes_current_and_the_old_one_stays()
    {
        using var app = TestApp.Rent();
        var folder = ScoreTemplateTestData.Folder(app, ($"{Code}-1.10.json", ScoreTemplateTestData.Shipped(version: "1.10")), ($"{Code}-1.9.json", ScoreTemplateTestData.Shipped(version: "1.9")));

        var added = await app.InScopeAsync(sp => sp.GetRequiredService<ScoreTemplateSeeder>().SeedAsync(folder));

        Assert.Equal([("1.9", true), ("1.10", true)], added.Select(e => (e.Version, e.IsCurrent)));
        var versions = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.AsNoTracking()
            .Select(t => new { t.Version, t.IsCurrent, Items = t.Items.Count }).ToListAsync());
        Assert.Equal(
            [("1.0", false, 29), ("1.10", true, 29), ("1.9", false, 29)],
            versions.Select(v => (v.Version, v.IsCurrent, v.Items)).OrderBy(v => v.Version, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_older_version_loaded_later_does_not_become_current()
    {
        using var app = TestApp.Rent();
        var folder = ScoreTemplateTestData.Folder(app, ($"{Code}-0.9.json", ScoreTemplateTestData.Shipped(version: "0.9")));

        var added = await app.InScopeAsync(sp => sp.GetRequiredService<ScoreTemplateSeeder>().SeedAsync(folder));

        Assert.Equal([("0.9", false)], added.Select(e => (e.Version, e.IsCurrent)));
        Assert.Equal(["1.0"], await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.Where(t => t.IsCurrent).Select(t => t.Version).ToListAsync()));
    }

    [Fact]
    public async Task A_bad_file_stops_the_load_logs_every_problem_and_writes_nothing()
    {
        using var app = TestApp.Rent();
        var bad = ScoreTemplateTestData.Shipped(code: "bad", version: "1.0");
        bad["grades"]![2]!["minimum"] = 10;
        bad["categories"]![1]!["items"]![9]!["dutyCode"] = "S6.12";
        var folder = ScoreTemplateTestData.Folder(app, ("bad-1.0.json", bad), ($"{Code}-2.0.json", ScoreTemplateTestData.Shipped(version: "2.0")));
        var before = await CountsAsync(app);
        var log = new ListLogger<ScoreTemplateSeeder>();

        var exception = await app.InScopeAsync(sp => Assert.ThrowsAsync<ScoreTemplateFileException>(
            () => new ScoreTemplateSeeder(sp.GetRequiredService<AppDbContext>(), app.Clock, log).SeedAsync(folder)));

        Assert.Equal(
            [
                "bad-1.0.json: $.grades[2].minimum: the last band's minimum is 10: it must be 0, so that every percentage has a grade",
                "bad-1.0.json: $.categories[1].items[9].dutyCode: refers to \"S6.12\", which is not a duty item or rule area of the regulation catalogue",
            ],
            exception.Problems.Select(p => p.ToString()));
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Error && e.Message.StartsWith("Inspection template file bad-1.0.json: $.", StringComparison.Ordinal)));

        // The good 2.0 file beside it was not loaded either.
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Two_files_with_the_same_code_and_version_are_refused()
    {
        using var app = TestApp.Rent();
        var folder = ScoreTemplateTestData.Folder(app, ("z-copy.json", ScoreTemplateTestData.Shipped()));

        var exception = await app.InScopeAsync(sp => Assert.ThrowsAsync<ScoreTemplateFileException>(() => sp.GetRequiredService<ScoreTemplateSeeder>().SeedAsync(folder)));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(("z-copy.json", "$.version"), (problem.File, problem.Path));
        Assert.Contains($"{Code}-1.0.json", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_templates_loads_nothing_and_says_so()
    {
        using var app = TestApp.Rent();
        var empty = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "no-templates")).FullName;
        var log = new ListLogger<ScoreTemplateSeeder>();

        var added = await app.InScopeAsync(sp => new ScoreTemplateSeeder(sp.GetRequiredService<AppDbContext>(), app.Clock, log).SeedAsync(empty));

        Assert.Empty(added);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(empty, StringComparison.Ordinal));
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
