using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Tests.Shared;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, "Access matrix test", by record: in the demo province, an account of each role whose jurisdiction is the city
/// of Qingshan (the education department, for the unit leader) asks, by direct id, for records of units outside it:
/// every handler of every page that takes a record's id (read, edit, delete and the other commands, the evidence
/// downloads), and the exports filtered to a unit outside. Each answer is not-found or forbidden, the exports list
/// nothing of the other unit, and the database is unchanged. The pages come from the app's endpoint data; a page with a
/// route value that nobody mapped to its record type (tests/Shared/PageRoutes.cs) fails the test. The per-feature tests (UnitAccessTests,
/// EvidenceTests, AppraisalAccessTests, IncidentGrantTests, …) prove the same for the records they own in more detail.
/// </summary>
public sealed class JurisdictionMatrixTests
{
    /// <summary>The exports of the lists, filtered to the unit outside the jurisdiction.</summary>
    private static readonly string[] Exports =
    [
        "/Units?handler=Export&format=csv&parent={0}",
        "/Leaders?handler=Export&format=csv&unitId={0}",
        "/Activities?handler=Export&format=csv&unitId={0}",
        "/Inspections?handler=Export&format=csv&unitId={0}",
        "/Inspections/Orders?handler=Export&format=csv&unitId={0}",
        "/Incidents?handler=Export&format=csv&unitId={0}",
        "/SecrecyOrganizations?handler=Export&format=csv&unitId={0}",
        "/Checklists?handler=Export&format=csv&unitId={0}",
        "/Appraisals?handler=Export&format=csv&unitId={0}",
        "/Proposals?handler=Export&format=csv&unitId={0}",
        "/Compliance?handler=Export&format=csv&unitId={0}",
    ];

    [Fact]
    public async Task Records_outside_the_jurisdiction_are_not_found_or_forbidden_for_every_handler_and_role_and_nothing_changes()
    {
        using var app = TestApp.Rent("Development");
        var qingshan = await UnitIdAsync(app, "SF-QS");
        await app.Province()
            .WithAccount("qs.admin", Roles.Administrator, qingshan)
            .WithAccount("qs.discipline", Roles.DisciplineOfficial, qingshan)
            .WithAccount("qs.supervisor", Roles.Supervisor, qingshan)
            .WithAccount("qs.cadre", Roles.CadreOfficial, qingshan)
            .BuildAsync();
        var outsideQingshan = await ForeignAsync(app, "SF-QS", "SF-JYT");
        var outsideEducation = await ForeignAsync(app, "SF-JYT", "SF-QS");
        var before = await ReadOnlyGetTests.SnapshotAsync(app);

        var wrong = new List<string>();
        foreach (var (userName, password) in new[] { ("qs.officer", DemoProvinceSeeder.DemoPassword), ("qs.admin", TestApp.Password), ("qs.discipline", TestApp.Password), ("qs.supervisor", TestApp.Password), ("qs.cadre", TestApp.Password), ("leader", DemoProvinceSeeder.DemoPassword) })
        {
            var foreign = userName == "leader" ? outsideEducation : outsideQingshan;
            var requests = await RequestsAsync(app, foreign);
            Assert.True(requests.Count > 60, $"{requests.Count} requests only");
            var client = app.CreateBrowserClient();
            await TestApp.SignInAsync(client, userName, password);
            var token = (await TestApp.GetFormAsync(client, "/", "#culture-form"))["__RequestVerificationToken"];
            foreach (var (method, url) in requests)
            {
                var response = await client.SendAsync(method == "GET"
                    ? new HttpRequestMessage(HttpMethod.Get, url)
                    : new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) });
                var refused = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                    || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;
                if (!refused)
                {
                    wrong.Add($"{userName} {method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }

            foreach (var export in Exports)
            {
                var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, export, foreign.Unit));
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || body.Contains(foreign.UnitName, StringComparison.Ordinal))
                {
                    wrong.Add($"{userName} GET {export}: {(int)response.StatusCode}, names {foreign.UnitName}: {body.Contains(foreign.UnitName, StringComparison.Ordinal)}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(before, await ReadOnlyGetTests.SnapshotAsync(app));
    }

    [Fact]
    public async Task Every_page_that_takes_a_route_value_is_mapped_to_its_record_type()
    {
        using var app = TestApp.Rent("Development");

        var unmapped = (await PagesWithRouteValuesAsync(app)).Select(p => p.Page).Where(p => !PageRoutes.IsMapped(p)).ToList();

        Assert.Empty(unmapped);
    }

    /// <summary>
    /// Ids of records whose unit lies outside the jurisdiction (no score template: templates are the province's, every
    /// inspecting office reads them), the unit outside for the exports, and an evidence file of an activity outside.
    /// </summary>
    private sealed record Foreign(PageRecords Records, string UnitName, int? EvidenceFile)
    {
        public int Unit => Records.Unit;
    }

    private static Task<int> UnitIdAsync(TestApp app, string code) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private static Task<Foreign> ForeignAsync(TestApp app, string jurisdiction, string otherUnit) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var inside = await db.UnitAncestries
                .Where(a => a.Ancestor!.Code == jurisdiction)
                .Select(a => a.DescendantId).ToListAsync();
            var outside = db.Units.Where(u => !inside.Contains(u.Id)).Select(u => u.Id);
            var missing = new List<string>();
            int Found(int? id, string what)
            {
                if (id is null)
                {
                    missing.Add(what);
                }

                return id ?? 0;
            }

            var incident = Found(await db.Incidents.Where(i => outside.Contains(i.UnitId)).OrderBy(i => db.IncidentPersons.Any(p => p.IncidentId == i.Id) ? 0 : 1).ThenBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(), "incident");
            var unit = await db.Units.Where(u => u.Code == otherUnit).Select(u => new { u.Id, u.Name }).SingleAsync();
            var foreign = new Foreign(
                new PageRecords(
                unit.Id,
                Found(await db.Leaders.Where(l => outside.Contains(l.UnitId)).OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync(), "leader"),
                Found(await db.Postings.Where(p => outside.Contains(p.UnitId)).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(), "posting"),
                Found(await db.Activities.Where(a => outside.Contains(a.UnitId)).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(), "activity"),
                Found(await db.Inspections.Where(i => outside.Contains(i.UnitId)).OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(), "inspection"),
                Found(await db.Findings.Where(f => outside.Contains(f.UnitId)).OrderBy(f => f.Id).Select(f => (int?)f.Id).FirstOrDefaultAsync(), "finding"),
                Found(await db.RectificationOrders.Where(o => outside.Contains(o.UnitId)).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(), "rectification order"),
                Found(await db.Proposals.Where(p => outside.Contains(p.UnitId)).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(), "proposal"),
                incident,
                Found(await db.IncidentPersons.Where(p => p.IncidentId == incident).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(), "incident person"),
                await db.Users.Where(u => outside.Contains(u.UnitId)).OrderBy(u => u.UserName).Select(u => u.Id).FirstAsync(),
                ScoreTemplate: null),
                unit.Name,
                await db.EvidenceFiles.Where(e => e.ActivityId != null && db.Activities.Any(a => a.Id == e.ActivityId && outside.Contains(a.UnitId))).Select(e => (int?)e.Id).FirstOrDefaultAsync());
            Assert.True(missing.Count == 0, $"The demo province has no {string.Join(", ", missing)} outside {jurisdiction}.");
            return foreign;
        });

    /// <summary>Every handler of every page with route values, with the values of a record outside.</summary>
    private static async Task<List<(string Method, string Url)>> RequestsAsync(TestApp app, Foreign foreign)
    {
        var requests = new List<(string, string)>();
        foreach (var (page, pattern, handlers) in await PagesWithRouteValuesAsync(app))
        {
            if (PageRoutes.Url(page, pattern, foreign.Records) is not { } url)
            {
                continue;
            }

            foreach (var (method, handler) in handlers)
            {
                var query = handler is null ? "" : $"?handler={handler}";
                if (handler == "Evidence")
                {
                    query += $"&fileId={foreign.EvidenceFile ?? 1}";
                }

                requests.Add((method, url + query));
            }
        }

        return requests;
    }

    private static async Task<List<(string Page, string Pattern, List<(string Method, string? Handler)> Handlers)>> PagesWithRouteValuesAsync(TestApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = new List<(string, string, List<(string, string?)>)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor || endpoint.RoutePattern.Parameters.Count == 0)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            pages.Add((descriptor.ViewEnginePath, endpoint.RoutePattern.RawText!, [.. compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct()]));
        }

        return pages;
    }
}
