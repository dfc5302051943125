using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections.Scoring;

/// <summary>Issue 8: the circulated results list ranks the units by score for a year, self-assessed and inspected side by side; templates load from a file.</summary>
public sealed class ScoreResultsTests
{
    private static Task<T> SheetsAsync<T>(TestApp app, ICurrentUser actor, Func<ScoreSheetService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ScoreSheetService>(sp, actor)));

    private static async Task ScoreAsync(TestApp app, ICurrentUser actor, int inspection, params ScoreEntryInput[] entries)
    {
        var template = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.Where(t => t.IsCurrent).Select(t => t.Id).SingleAsync());
        Assert.True((await SheetsAsync(app, actor, s => s.StartAsync(inspection, template)))!.Succeeded);
        var saved = await SheetsAsync(app, actor, async s => await s.SaveAsync(inspection, await s.VersionNowAsync(inspection), new ScoreSheetInput { Entries = [.. entries] }));
        Assert.True(saved!.Succeeded, InspectionTestData.Describe(saved));
    }

    /// <summary>
    /// The department inspected at 98 % and self-assessed at 97.5 %; the health commission inspected with a failed veto
    /// item (94 %); an inspection of the department still in progress at 80 % counts for nothing.
    /// </summary>
    private static async Task<Province> ScoredProvinceAsync(TestApp app)
    {
        var p = await Province.CreateAsync(app, withAccounts: true);
        var officer = await app.OfficerAsync(p);

        var department = await app.PlanAsync(p);
        await app.StartAsync(p, department);
        await ScoreAsync(app, officer, department, new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });
        await app.CompleteAsync(p, department);

        var health = await app.PlanAsync(p, unitId: p.Health);
        await app.StartAsync(p, health);
        await ScoreAsync(app, officer, health, new ScoreEntryInput { ItemCode = "1.2", Defects = 1 });
        await app.CompleteAsync(p, health);

        var running = await app.PlanAsync(p);
        await app.StartAsync(p, running);
        await ScoreAsync(app, officer, running, new ScoreEntryInput { ItemCode = "1.2", Defects = 1 }, new ScoreEntryInput { ItemCode = "1.1", Defects = 2 }, new ScoreEntryInput { ItemCode = "1.3", Defects = 3 }, new ScoreEntryInput { ItemCode = "1.4", Defects = 2 });

        var self = await app.PlanAsync(p, InspectingBody.OwnSecrecyOrganization);
        await ScoreAsync(app, officer, self, new ScoreEntryInput { ItemCode = "1.4", Defects = 1 });
        Assert.True((await SheetsAsync(app, officer, async s => await s.SubmitAsync(self, await s.VersionNowAsync(self), [])))!.Succeeded);
        return p;
    }

    [Fact]
    public async Task Units_are_ranked_by_their_inspected_score_with_the_self_assessed_score_beside_it()
    {
        using var app = TestApp.Rent();
        var p = await ScoredProvinceAsync(app);

        var list = await app.InScopeAsync(sp => TestApp.ServiceFor<ScoreResultsService>(sp, p.Officer).ListAsync(new ScoreResultsFilter(2026), 1, 25));
        var previous = await app.InScopeAsync(sp => TestApp.ServiceFor<ScoreResultsService>(sp, p.Officer).ListAsync(new ScoreResultsFilter(2025), 1, 25));

        Assert.Equal(
            [(1, "P-JYT", 98.0m, "Conforming", 97.5m), (2, "P-WST", 94.0m, "NonConforming", (decimal?)null)],
            list.Items.Select(r => (r.Rank, r.Unit.Code, r.Inspected!.Percentage!.Value, r.Inspected.GradeCode!, r.SelfAssessed?.Percentage)));
        Assert.True(list.Items[1].Inspected!.VetoFailed);
        Assert.Equal(0, previous.TotalCount);
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_line_and_the_page_exports_the_list()
    {
        using var app = TestApp.Rent();
        var p = await ScoredProvinceAsync(app);
        var healthOfficer = new FixedCurrentUser("health-officer", p.Health, Roles.SecrecyOfficer);

        var own = await app.InScopeAsync(sp => TestApp.ServiceFor<ScoreResultsService>(sp, healthOfficer).ListAsync(new ScoreResultsFilter(2026), 1, 25));
        var client = await app.SignedInAsync("officer");
        var page = await TestApp.GetDocumentAsync(client, "/Inspections/Scores/Results?year=2026");
        var csv = await ListLinks.CsvRowsAsync(client, ListLinks.Href(page, "#export-csv"));

        Assert.Equal(["P-WST"], own.Items.Select(r => r.Unit.Code));
        Assert.Equal(["P-JYT", "P-WST"], page.QuerySelectorAll("#results-table tbody tr").Select(r => r.GetAttribute("data-unit-code")));
        Assert.Equal("不符合要求 (否决项不达标)", page.QuerySelector("tr[data-unit-code=P-WST] .inspected-grade")!.TextContent.Trim());
        Assert.Equal(["1", "2"], csv.Select(l => l.Split(',')[0]));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Inspections/Scores/Results?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task A_secrecy_officer_loads_a_template_file_and_a_bad_file_is_refused_beside_the_field()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");
        var json = ScoreTemplateTestData.Shipped(code: "qs-bureau", version: "2.0").ToJsonString();

        async Task<HttpResponseMessage> UploadAsync(string content, string name)
        {
            var form = await TestApp.GetFormAsync(client, "/Inspections/Templates", "#load-template-form");
            return await client.PostAsync("/Inspections/Templates", await ActivityTestData.MultipartAsync(form, ("templateFile", name, Encoding.UTF8.GetBytes(content))));
        }

        var bad = await UploadAsync("{ \"code\": \"qs-bureau\" }", "bad.json");
        var good = await UploadAsync(json, "qs-bureau-2.0.json");

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotEmpty((await TestApp.ParseAsync(bad)).QuerySelector("#template-errors")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var list = await TestApp.GetDocumentAsync(client, "/Inspections/Templates");
        Assert.NotNull(list.QuerySelector("tr[data-template-code=qs-bureau][data-version='2.0']"));
        var leader = await app.SignedInAsync("leader");
        Assert.Null((await TestApp.GetDocumentAsync(leader, "/Inspections/Templates")).QuerySelector("#load-template-form"));
        _ = p;
    }
}
