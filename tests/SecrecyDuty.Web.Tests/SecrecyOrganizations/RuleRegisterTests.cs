using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.SecrecyOrganizations.OrganizationTestData;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>S6.6: a unit's rules in the nine areas R1–R9; a missing area is visible.</summary>
public sealed class RuleRegisterTests
{
    private static Task<Result?> SaveAsync(TestApp app, ICurrentUser actor, int unitId, string code, RuleRegisterEntryInput input) =>
        app.InScopeAsync(async sp =>
        {
            // As the form opened now would: over the entry's current version (none yet: 0).
            var register = TestApp.ServiceFor<RuleRegisterService>(sp, actor);
            var version = (await register.GetFormAsync(unitId, code))?.Version ?? 0;
            return await register.SaveAsync(unitId, code, version, input);
        });

    private static Task<RuleRegisterView?> ViewAsync(TestApp app, ICurrentUser actor, int unitId) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<RuleRegisterService>(sp, actor).GetAsync(unitId));

    private static Task<List<RuleRegisterEntry>> EntriesAsync(TestApp app, int unitId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RuleRegisterEntries.AsNoTracking().Where(e => e.UnitId == unitId).ToListAsync());

    [Fact]
    public async Task Missing_rule_areas_are_marked_and_counted_on_the_unit_page()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("SF", "示范省").BuildAsync()).Unit("SF");
        var regulation = await AddRegulationAsync(app);
        await app.Province()
            .WithRuleEntries(root, ["R1", "R2", "R4", "R5", "R6", "R8", "R9"], regulationId: regulation)
            .WithAccount("officer", Roles.SecrecyOfficer, root)
            .BuildAsync();
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        var page = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/RuleRegister/{root}");

        Assert.Equal(RuleAreaCodes, page.QuerySelectorAll("#rule-register-table tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal(["rule-R3", "rule-R7"], page.QuerySelectorAll("#rule-register-table tr.rule-missing").Select(tr => tr.Id!));
        Assert.All(page.QuerySelectorAll("tr.rule-missing"), tr => Assert.Contains("未建立", tr.TextContent, StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("tr.rule-established .badge"));
        Assert.Contains("应建立 9 项保密制度，已建立 7 项", page.QuerySelector("#rule-coverage")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("(未建立：R3, R7)", page.QuerySelector("#missing-codes")!.TextContent);
    }

    [Fact]
    public async Task Without_the_regulation_catalogue_the_register_says_it_is_not_loaded()
    {
        using var app = TestApp.Rent();
        await RemoveCatalogueAsync(app);
        var root = (await app.Province()
            .WithUnit("SF", "示范省")
            .WithAccount("officer", Roles.SecrecyOfficer, "SF")
            .BuildAsync()).Unit("SF");
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        var page = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/RuleRegister/{root}");
        var list = await TestApp.GetDocumentAsync(client, "/SecrecyOrganizations?missing=true");

        Assert.NotNull(page.QuerySelector("#catalogue-not-loaded"));
        Assert.Null(page.QuerySelector("#rule-register-table"));
        Assert.NotNull(list.QuerySelector("#catalogue-not-loaded"));
    }

    [Fact]
    public async Task An_entry_is_recorded_then_updated_in_place()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("SF", "示范省").BuildAsync()).Unit("SF");
        await AddRegulationAsync(app);
        var officer = new FixedCurrentUser("o", root, Roles.SecrecyOfficer);

        var created = await SaveAsync(app, officer, root, "R3", new RuleRegisterEntryInput { AdoptedOn = new DateOnly(2019, 4, 1), DocumentReference = "示保〔2019〕3号" });
        var updated = await SaveAsync(app, officer, root, "R3", new RuleRegisterEntryInput
        {
            AdoptedOn = new DateOnly(2019, 4, 1),
            LastRevisedOn = new DateOnly(2025, 9, 1),
            DocumentReference = "示保〔2025〕12号",
        });

        Assert.True(created!.Succeeded);
        Assert.True(updated!.Succeeded);
        var entry = Assert.Single(await EntriesAsync(app, root));
        Assert.Equal(new DateOnly(2025, 9, 1), entry.LastRevisedOn);
        Assert.Equal("示保〔2025〕12号", entry.DocumentReference);
        var view = (await ViewAsync(app, officer, root))!;
        Assert.Equal(1, view.Established);
        Assert.False(view.Lines.Single(l => l.Code == "R3").IsMissing);
    }

    [Fact]
    public async Task An_entry_revised_before_it_was_adopted_is_refused()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("SF", "示范省").BuildAsync()).Unit("SF");
        await AddRegulationAsync(app);
        var officer = new FixedCurrentUser("o", root, Roles.SecrecyOfficer);

        var result = await SaveAsync(app, officer, root, "R1", new RuleRegisterEntryInput
        {
            AdoptedOn = new DateOnly(2020, 5, 1),
            LastRevisedOn = new DateOnly(2020, 4, 30),
            DocumentReference = "示保〔2020〕1号",
        });

        Assert.Equal(nameof(RuleRegisterEntryInput.LastRevisedOn), Assert.Single(result!.Errors).Field);
        Assert.Empty(await EntriesAsync(app, root));
    }

    [Fact]
    public async Task The_entry_form_shows_the_message_beside_the_revision_date()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("SF", "示范省").BuildAsync()).Unit("SF");
        await AddRegulationAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, root);
        var url = $"/SecrecyOrganizations/RuleRegisterEdit/{root}/R2";
        var form = await TestApp.GetFormAsync(client, url, "#rule-entry-form");

        var bad = await client.PostAsync(url, form.With(
            ("Input.AdoptedOn", "2020-05-01"),
            ("Input.LastRevisedOn", "2020-04-30"),
            ("Input.DocumentReference", "示保〔2020〕2号")).ToContent());
        var good = await client.PostAsync(url, form.With(("Input.LastRevisedOn", "2024-01-10")).ToContent());

        var page = await TestApp.ParseAsync(bad);
        Assert.Equal("制度不能在制定之前修订：修订日期不能早于制定日期。", page.QuerySelector("[data-valmsg-for='Input.LastRevisedOn']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(new DateOnly(2024, 1, 10), Assert.Single(await EntriesAsync(app, root)).LastRevisedOn);
    }

    [Fact]
    public async Task An_entry_made_under_an_earlier_version_still_counts_and_is_moved_to_the_current_version_when_revised()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("SF", "示范省").BuildAsync()).Unit("SF");
        var first = await AddRegulationAsync(app, "2020");
        await app.Province().WithRuleEntries(root, ["R1"], regulationId: first).BuildAsync();
        var revised = await AddRegulationAsync(app, "2026");
        await MakeCurrentAsync(app, revised);
        var officer = new FixedCurrentUser("o", root, Roles.SecrecyOfficer);

        var view = (await ViewAsync(app, officer, root))!;
        Assert.Equal(1, view.Established);
        Assert.False(view.Lines.Single(l => l.Code == "R1").IsMissing);

        await SaveAsync(app, officer, root, "R1", new RuleRegisterEntryInput { AdoptedOn = new DateOnly(2020, 3, 1), LastRevisedOn = new DateOnly(2026, 2, 1), DocumentReference = "示保〔2026〕1号" });

        var entry = Assert.Single(await EntriesAsync(app, root));
        var currentR1 = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RuleAreas.Where(a => a.RegulationId == revised && a.Code == "R1").Select(a => a.Id).SingleAsync());
        Assert.Equal(currentR1, entry.RuleAreaId);
    }

    [Fact]
    public async Task A_rule_area_code_that_is_not_in_the_current_regulation_is_not_found()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("SF", "示范省").BuildAsync()).Unit("SF");
        await AddRegulationAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, root);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/SecrecyOrganizations/RuleRegisterEdit/{root}/R10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/SecrecyOrganizations/RuleRegisterEdit/{root}/r9")).StatusCode);
    }
}
