using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.SecrecyOrganizations.OrganizationTestData;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>The jurisdiction-wide list: a unit without an organization or missing a rule area is visible.</summary>
public sealed class SecrecyOrganizationListTests
{
    private sealed record Province(int Root, int Education, int Finance, int Energy, int OtherCity);

    /// <summary>
    /// Root (organization, all nine areas), Education (organization, R3 and R7 missing), Finance (no organization,
    /// all areas), Energy (a state-owned enterprise: no organization, no rules); OtherCity is outside a city officer's reach.
    /// </summary>
    private static async Task<Province> ProvinceAsync(TestApp app)
    {
        var regulation = await AddRegulationAsync(app);
        var root = await AddUnitAsync(app, "SF", "中共示范省委员会", null, UnitKind.PartyOrgan);
        var education = await AddUnitAsync(app, "SF-JYT", "示范省教育厅", root, UnitKind.StateOrgan);
        var finance = await AddUnitAsync(app, "SF-CZT", "示范省财政厅", root, UnitKind.StateOrgan);
        var energy = await AddUnitAsync(app, "SF-NY", "示范能源集团", root, UnitKind.StateOwnedEnterprise);
        var otherCity = await AddUnitAsync(app, "SF-BH", "碧海市", root, UnitKind.PartyOrgan);
        await AddOrganizationAsync(app, root, SecrecyOrganizationKind.Committee, budget: 300000m, fullTime: 2, partTime: 1);
        await AddOrganizationAsync(app, education, SecrecyOrganizationKind.LeadingGroup, budget: 50000m, fullTime: 1, partTime: 3);
        await AddOrganizationAsync(app, otherCity, SecrecyOrganizationKind.Committee);
        await AddRuleEntriesAsync(app, root, regulation, RuleAreaCodes);
        await AddRuleEntriesAsync(app, education, regulation, "R1", "R2", "R4", "R5", "R6", "R8", "R9");
        await AddRuleEntriesAsync(app, finance, regulation, RuleAreaCodes);
        await AddRuleEntriesAsync(app, otherCity, regulation, RuleAreaCodes);
        return new Province(root, education, finance, energy, otherCity);
    }

    private static Task<SecrecyOrganizationList> ListAsync(TestApp app, ICurrentUser actor, SecrecyOrganizationFilter filter, int page = 1, int pageSize = 25) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<SecrecyOrganizationListService>(sp, actor).ListAsync(filter, page, pageSize));

    private static async Task<List<string>> CodesAsync(TestApp app, ICurrentUser actor, SecrecyOrganizationFilter filter) =>
        [.. (await ListAsync(app, actor, filter)).Items.Items.Select(i => i.UnitCode)];

    [Fact]
    public async Task Every_unit_shows_its_organization_and_rule_register_coverage()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        var officer = new FixedCurrentUser("o", p.Root, Roles.SecrecyOfficer);

        var list = await ListAsync(app, officer, new SecrecyOrganizationFilter());

        Assert.Equal(9, list.RuleAreaCount);
        var byCode = list.Items.Items.ToDictionary(i => i.UnitCode);
        Assert.Equal(["SF", "SF-BH", "SF-CZT", "SF-JYT", "SF-NY"], byCode.Keys.Order(StringComparer.Ordinal));
        var education = byCode["SF-JYT"];
        Assert.Equal(SecrecyOrganizationKind.LeadingGroup, education.Kind);
        Assert.Equal((4, 1), (education.Cadres, education.FullTimeCadres));
        Assert.Equal(50000m, education.AnnualBudget);
        Assert.Equal(7, education.RuleAreasEstablished);
        Assert.Equal(["R3", "R7"], education.MissingRuleAreas);
        var energy = byCode["SF-NY"];
        Assert.False(energy.HasOrganization);
        Assert.Equal(0, energy.RuleAreasEstablished);
        Assert.Equal(RuleAreaCodes, energy.MissingRuleAreas);
        Assert.Empty(byCode["SF"].MissingRuleAreas);
    }

    [Fact]
    public async Task The_missing_rule_areas_filter_shows_exactly_the_units_missing_an_area()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        var officer = new FixedCurrentUser("o", p.Root, Roles.SecrecyOfficer);

        Assert.Equal(["SF-JYT", "SF-NY"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { MissingRuleAreas = true }));
        Assert.Equal(["SF", "SF-BH", "SF-CZT"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { MissingRuleAreas = false }));
    }

    [Fact]
    public async Task Art6_6_an_area_marked_not_applicable_is_not_missing_in_the_list_or_its_filter()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        var officer = new FixedCurrentUser("o", p.Root, Roles.SecrecyOfficer);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SecrecyDuty.Data.AppDbContext>();
            foreach (var code in new[] { "R3", "R7" })
            {
                var area = await db.RuleAreas.Where(a => a.Code == code && db.Regulations.Any(r => r.Id == a.RegulationId && r.IsCurrent)).Select(a => a.Id).SingleAsync();
                db.RuleAreaExemptions.Add(new RuleAreaExemption { UnitId = p.Education, RuleAreaId = area, Reason = "本单位不涉及该项工作", RecordedBy = "o", RecordedAtUtc = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        });

        var education = (await ListAsync(app, officer, new SecrecyOrganizationFilter())).Items.Items.Single(i => i.UnitCode == "SF-JYT");

        Assert.Empty(education.MissingRuleAreas);
        Assert.Equal(["SF-NY"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { MissingRuleAreas = true }));
    }

    [Fact]
    public async Task The_organization_filter_shows_exactly_the_units_without_one_or_with_one()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        var officer = new FixedCurrentUser("o", p.Root, Roles.SecrecyOfficer);

        Assert.Equal(["SF-CZT", "SF-NY"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { HasOrganization = false }));
        Assert.Equal(["SF", "SF-BH", "SF-JYT"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { HasOrganization = true }));
    }

    [Fact]
    public async Task Filters_by_unit_kind_and_search_combine()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        var officer = new FixedCurrentUser("o", p.Root, Roles.SecrecyOfficer);

        Assert.Equal(["SF-CZT", "SF-JYT"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { UnitKind = UnitKind.StateOrgan }));
        Assert.Equal(["SF-JYT"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { UnitKind = UnitKind.StateOrgan, Search = "教育" }));
        Assert.Equal(["SF-NY"], await CodesAsync(app, officer, new SecrecyOrganizationFilter { Search = "sf-ny".ToUpperInvariant() }));
    }

    [Theory]
    [InlineData(SecrecyOrganizationSort.Budget, false, new[] { "SF-BH", "SF-CZT", "SF-NY", "SF-JYT", "SF" })]
    [InlineData(SecrecyOrganizationSort.Budget, true, new[] { "SF", "SF-JYT", "SF-BH", "SF-CZT", "SF-NY" })]
    [InlineData(SecrecyOrganizationSort.RuleAreas, false, new[] { "SF-NY", "SF-JYT", "SF", "SF-BH", "SF-CZT" })]
    [InlineData(SecrecyOrganizationSort.Cadres, true, new[] { "SF-JYT", "SF", "SF-BH", "SF-CZT", "SF-NY" })]
    [InlineData(SecrecyOrganizationSort.UnitCode, true, new[] { "SF-NY", "SF-JYT", "SF-CZT", "SF-BH", "SF" })]
    public async Task The_list_sorts_in_the_database(SecrecyOrganizationSort sort, bool descending, string[] expected)
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        var officer = new FixedCurrentUser("o", p.Root, Roles.SecrecyOfficer);

        var codes = await CodesAsync(app, officer, new SecrecyOrganizationFilter { Sort = sort, Direction = descending ? SortDirection.Descending : SortDirection.Ascending });

        // Ties (and units without a budget, which SQL Server and SQLite both put first in ascending order) follow the unit code.
        Assert.Equal(expected, codes);
    }

    [Fact]
    public async Task The_list_is_paged_on_the_server()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        var officer = new FixedCurrentUser("o", p.Root, Roles.SecrecyOfficer);

        var second = await ListAsync(app, officer, new SecrecyOrganizationFilter(), page: 2, pageSize: 2);

        Assert.Equal(5, second.Items.TotalCount);
        Assert.Equal(3, second.Items.PageCount);
        Assert.Equal(["SF-CZT", "SF-JYT"], second.Items.Items.Select(i => i.UnitCode));
    }

    [Fact]
    public async Task The_list_shows_only_the_jurisdiction_and_a_unit_leader_sees_only_the_own_unit()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);

        var cityOfficer = await CodesAsync(app, new FixedCurrentUser("o", p.OtherCity, Roles.SecrecyOfficer), new SecrecyOrganizationFilter());
        var leader = await CodesAsync(app, new FixedCurrentUser("l", p.Education, Roles.UnitLeader), new SecrecyOrganizationFilter());

        Assert.Equal(["SF-BH"], cityOfficer);
        Assert.Equal(["SF-JYT"], leader);
    }

    [Fact]
    public async Task The_list_page_filters_for_missing_rule_areas_and_marks_the_missing_codes()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        await app.AddUserAsync("supervisor", Roles.Supervisor, p.Root);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "supervisor");

        var page = await TestApp.GetDocumentAsync(client, "/SecrecyOrganizations?missing=true&org=true");

        var rows = page.QuerySelectorAll("#organizations-table tbody tr");
        var row = Assert.Single(rows);
        Assert.Equal("SF-JYT", row.GetAttribute("data-unit-code"));
        Assert.Equal(["R3", "R7"], row.QuerySelectorAll(".missing-rule-area").Select(b => b.TextContent));
        Assert.Equal("保密领导小组", row.QuerySelector(".organization-kind")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#missing option[selected]")!.GetAttribute("value"));

        var withoutOrganization = await TestApp.GetDocumentAsync(client, "/SecrecyOrganizations?missing=true&org=false");
        var energy = Assert.Single(withoutOrganization.QuerySelectorAll("#organizations-table tbody tr"));
        Assert.Equal("SF-NY", energy.GetAttribute("data-unit-code"));
        Assert.Equal("未建立", energy.QuerySelector(".no-organization")!.TextContent);
        Assert.Equal("均未建立", energy.QuerySelector(".no-rule-areas")!.TextContent);
        Assert.Contains("0/9", energy.QuerySelector(".rule-areas")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_has_every_row_of_the_current_filters_in_csv_and_xlsx()
    {
        using var app = new TestApp();
        var p = await ProvinceAsync(app);
        await app.AddUserAsync("officer", Roles.SecrecyOfficer, p.Root);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");
        var list = await TestApp.GetDocumentAsync(client, "/SecrecyOrganizations?org=false");
        var csvLink = list.QuerySelector("#export-csv")!.GetAttribute("href")!;

        var csv = await client.GetAsync(csvLink);
        var xlsx = await client.GetAsync(list.QuerySelector("#export-xlsx")!.GetAttribute("href")!);

        Assert.Contains("org=False", csvLink, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("单位代码,单位,单位类型,状态,保密组织,成立日期", lines[0], StringComparison.Ordinal);
        Assert.Equal(["SF-CZT", "SF-NY"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.EndsWith(",0,9,R1 R2 R3 R4 R5 R6 R7 R8 R9", lines.Single(l => l.StartsWith("SF-NY", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task The_list_page_keeps_its_filters_and_order_in_the_pager_the_headers_and_the_export()
    {
        using var app = new TestApp();
        var root = await AddUnitAsync(app, "SF", "中共示范省委员会", null, UnitKind.PartyOrgan);
        for (var i = 1; i <= 26; i++)
        {
            await AddUnitAsync(app, $"SF-{i:00}", $"示范省某厅{i:00}", root, UnitKind.StateOrgan);
        }

        var withOrganization = await AddUnitAsync(app, "SF-99", "示范省保密局", root, UnitKind.StateOrgan);
        await AddOrganizationAsync(app, withOrganization, SecrecyOrganizationKind.LeadingGroup);
        await app.AddUserAsync("officer", Roles.SecrecyOfficer, root);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");
        static List<string> Codes(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#organizations-table tbody tr").Select(r => r.GetAttribute("data-unit-code")!)];

        var first = await TestApp.GetDocumentAsync(client, "/SecrecyOrganizations?kind=StateOrgan&org=false&sort=UnitCode&dir=desc");
        var second = await TestApp.GetDocumentAsync(client, ListLinks.Next(first));
        var header = ListLinks.Query(ListLinks.Href(first, "#sort-code"));
        var export = ListLinks.Href(first, "#export-csv");
        var exportQuery = ListLinks.Query(export);

        Assert.Equal([.. Enumerable.Range(2, 25).Reverse().Select(i => $"SF-{i:00}")], Codes(first));
        Assert.Equal(["SF-01"], Codes(second));
        Assert.Equal(("StateOrgan", "False", "UnitCode", "asc"), (header["kind"], header["org"], header["sort"], header["dir"]));
        Assert.False(header.ContainsKey(ListQuery.PageKey));
        Assert.Equal(("StateOrgan", "False", "UnitCode", "desc"), (exportQuery["kind"], exportQuery["org"], exportQuery["sort"], exportQuery["dir"]));
        Assert.Equal([.. Enumerable.Range(1, 26).Reverse().Select(i => $"SF-{i:00}")], (await ListLinks.CsvRowsAsync(client, export)).Select(l => l.Split(',')[0]));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/SecrecyOrganizations?handler=Export&format=pdf")).StatusCode);
    }
}
