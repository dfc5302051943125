using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Catalogue;

/// <summary>Issue 3: the regulation is data, loaded from its versioned file into the database at seeding.</summary>
public sealed class CatalogueSeedingTests
{
    private const string Code = "sd-leader-secrecy-responsibility";

    private sealed record Counts(int Regulations, int Articles, int DutyItems, int RuleAreas, int Deficiencies, int SanctionRules);

    private static Task<Counts> CountsAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return new Counts(
                await db.Regulations.CountAsync(),
                await db.RegulationArticles.CountAsync(),
                await db.DutyItems.CountAsync(),
                await db.RuleAreas.CountAsync(),
                await db.DeficiencyCategories.CountAsync(),
                await db.SanctionRules.CountAsync());
        });

    /// <summary>A folder holding the shipped file and, optionally, another version of it.</summary>
    private static string RegulationsFolder(TestApp app, params string[] otherVersions)
    {
        var folder = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "regulations-" + Guid.NewGuid().ToString("N"))).FullName;
        var shipped = Path.Combine(CatalogueSeeder.DefaultDirectory, $"{Code}-1.0.json");
        File.Copy(shipped, Path.Combine(folder, Path.GetFileName(shipped)));
        foreach (var version in otherVersions)
        {
            var document = JsonNode.Parse(File.ReadAllText(shipped))!.AsObject();
            document["version"] = version;
            document["title"] = $"党政领导干部保密工作责任制实施办法（{version}）";
            File.WriteAllText(Path.Combine(folder, $"{Code}-{version}.json"), document.ToJsonString());
        }

        return folder;
    }

    [Fact]
    public async Task The_catalogue_is_in_the_database_after_start_up()
    {
        using var app = TestApp.Rent();

        var counts = await CountsAsync(app);

        Assert.Equal(new Counts(1, 19 + 10, 10 + 3 + 11 + 5, 9, 8, 18), counts);
        var regulation = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Regulations.AsNoTracking().SingleAsync());
        Assert.Equal((Code, "1.0", true, $"{Code}-1.0.json"), (regulation.Code, regulation.Version, regulation.IsCurrent, regulation.SourceFile));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, regulation.LoadedAtUtc);
    }

    [Fact]
    public async Task Every_item_is_stored_under_its_regulation_and_article()
    {
        using var app = TestApp.Rent();

        var rows = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = await db.Regulations.Select(r => r.Id).SingleAsync();
            return new
            {
                Id = id,
                Briefing = await db.DutyItems.Where(d => d.Code == "P5.3").Select(d => new { d.RegulationId, Article = d.Article!.Code, d.AppliesTo, d.MinimumPerYear, d.ExpectedPerYear }).SingleAsync(),
                Meetings = await db.DutyItems.Where(d => d.Code == "S6.5").Select(d => new { d.MinimumPerYear, d.ExpectedPerYear }).SingleAsync(),
                RuleArea = await db.RuleAreas.Where(r => r.Code == "R1").Select(r => new { r.RegulationId, Article = r.Article!.Code, r.Name }).SingleAsync(),
                Deficiency = await db.DeficiencyCategories.Where(d => d.Code == "D15.7").Select(d => new { d.RegulationId, Article = d.Article!.Code }).SingleAsync(),
                Sanction = await db.SanctionRules.Where(s => s.Code == "PD109.2b").Select(s => new { s.RegulationId, Article = s.Article!.Code, s.Party, s.Administrative }).SingleAsync(),
                ArticlesOfOtherRegulations = await db.RegulationArticles.CountAsync(a => a.RegulationId != id),
                FirstArticle = await db.RegulationArticles.OrderBy(a => a.SortOrder).Select(a => a.Code).FirstAsync(),
            };
        });

        Assert.Equal((rows.Id, "A5", DutyHolder.PrincipalLeader, (int?)1, (int?)2), (rows.Briefing.RegulationId, rows.Briefing.Article, rows.Briefing.AppliesTo, rows.Briefing.MinimumPerYear, rows.Briefing.ExpectedPerYear));
        Assert.Equal(((int?)2, (int?)null), (rows.Meetings.MinimumPerYear, rows.Meetings.ExpectedPerYear));
        Assert.Equal((rows.Id, "A6", "定密工作"), (rows.RuleArea.RegulationId, rows.RuleArea.Article, rows.RuleArea.Name));
        Assert.Equal((rows.Id, "A15"), (rows.Deficiency.RegulationId, rows.Deficiency.Article));
        Assert.Equal((rows.Id, "PD109", "对负有主要领导责任者,给予撤销党内职务处分", (string?)null), (rows.Sanction.RegulationId, rows.Sanction.Article, rows.Sanction.Party, rows.Sanction.Administrative));
        Assert.Equal(0, rows.ArticlesOfOtherRegulations);
        Assert.Equal("A1", rows.FirstArticle);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        using var app = TestApp.Rent();
        var before = await CountsAsync(app);

        var added = await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            return await sp.GetRequiredService<CatalogueSeeder>().SeedAsync();
        });

        Assert.Empty(added);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task A_new_version_becomes_current_and_the_records_of_the_old_one_stay()
    {
        using var app = TestApp.Rent();
        var folder = RegulationsFolder(app, "1.1");
        var old = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyItems.Where(d => d.Code == "P5.3").Select(d => d.Id).SingleAsync());

        var added = await app.InScopeAsync(sp => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(folder));

        Assert.Equal([(Code, "1.1", true)], added.Select(e => (e.Code, e.Version, e.IsCurrent)));
        var versions = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Regulations
            .OrderBy(r => r.Version).Select(r => new { r.Version, r.IsCurrent, Articles = r.Articles.Count }).ToListAsync());
        Assert.Equal([("1.0", false, 29), ("1.1", true, 29)], versions.Select(v => (v.Version, v.IsCurrent, v.Articles)));
        Assert.Equal(new Counts(2, 58, 58, 18, 16, 36), await CountsAsync(app));
        var stillThere = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyItems
            .Where(d => d.Id == old).Select(d => new { d.Code, d.Article!.Code.Length }).SingleOrDefaultAsync());
        Assert.NotNull(stillThere);

        // And again: the folder is loaded already.
        Assert.Empty(await app.InScopeAsync(sp => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(folder)));
    }

    [Fact]
    public async Task Versions_are_loaded_oldest_first_so_the_newest_of_a_folder_is_current()
    {
        using var app = TestApp.Rent();
        var folder = RegulationsFolder(app, "1.10", "1.9");

        var added = await app.InScopeAsync(sp => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(folder));

        Assert.Equal(["1.9", "1.10"], added.Select(e => e.Version));
        var current = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Regulations.Where(r => r.IsCurrent).Select(r => r.Version).ToListAsync());
        Assert.Equal(["1.10"], current);
    }

    [Fact]
    public async Task An_older_version_loaded_later_does_not_become_current()
    {
        using var app = TestApp.Rent();
        var folder = RegulationsFolder(app, "0.9");

        var added = await app.InScopeAsync(sp => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(folder));

        Assert.Equal([("0.9", false)], added.Select(e => (e.Version, e.IsCurrent)));
        var current = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Regulations.Where(r => r.IsCurrent).Select(r => r.Version).ToListAsync());
        Assert.Equal(["1.0"], current);
    }

    [Fact]
    public async Task A_malformed_file_stops_the_load_logs_every_problem_and_writes_nothing()
    {
        using var app = TestApp.Rent();
        var folder = RegulationsFolder(app, "2.0");
        var bad = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, $"{Code}-1.0.json")))!.AsObject();
        bad["version"] = "3.0";
        bad["dutyItems"]![3]!["article"] = "A44";
        bad.Remove("titleEn");
        File.WriteAllText(Path.Combine(folder, "bad-3.0.json"), bad.ToJsonString());
        var before = await CountsAsync(app);
        var log = new ListLogger<CatalogueSeeder>();

        var exception = await app.InScopeAsync(sp =>
        {
            var seeder = new CatalogueSeeder(sp.GetRequiredService<AppDbContext>(), app.Clock, log);
            return Assert.ThrowsAsync<RegulationFileException>(() => seeder.SeedAsync(folder));
        });

        Assert.Equal(
            ["bad-3.0.json: $.titleEn: is missing", "bad-3.0.json: $.dutyItems[3].article: refers to the article \"A44\", which is not among the file's articles"],
            exception.Problems.Select(p => p.ToString()));
        Assert.Contains("bad-3.0.json: $.dutyItems[3].article", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Error && e.Message.StartsWith("Regulation file bad-3.0.json: $.", StringComparison.Ordinal)));

        // The good 2.0 file beside it was not loaded either.
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Invalid_JSON_is_reported_with_its_file_line_and_position()
    {
        using var app = TestApp.Rent();
        var folder = RegulationsFolder(app);
        File.WriteAllText(Path.Combine(folder, "broken-1.0.json"), "{\n  \"code\": \"broken\",\n}");

        var exception = await app.InScopeAsync(sp => Assert.ThrowsAsync<RegulationFileException>(() => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(folder)));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(("broken-1.0.json", "$"), (problem.File, problem.Path));
        Assert.StartsWith("is not valid JSON (line 3,", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_files_with_the_same_code_and_version_are_refused()
    {
        using var app = TestApp.Rent();
        var folder = RegulationsFolder(app);
        File.Copy(Path.Combine(folder, $"{Code}-1.0.json"), Path.Combine(folder, "z-copy.json"));

        var exception = await app.InScopeAsync(sp => Assert.ThrowsAsync<RegulationFileException>(() => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(folder)));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(("z-copy.json", "$.version"), (problem.File, problem.Path));
        Assert.Contains($"{Code}-1.0.json", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_regulation_files_is_refused()
    {
        using var app = TestApp.Rent();
        var empty = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "no-regulations")).FullName;

        var exception = await app.InScopeAsync(sp => Assert.ThrowsAsync<RegulationFileException>(() => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(empty)));

        Assert.Equal(empty, Assert.Single(exception.Problems).File);
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
