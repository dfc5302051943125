using System.Net;
using System.Text;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>docs/domain.md "Jurisdiction": the heat map and the unit pages show only the account's units.</summary>
public sealed class ComplianceAccessTests
{
    private static Task<HttpClient> SignInAsync(TestApp app, string role, int unitId) => app.SignedInAsAsync("someone", role, unitId);

    private static async Task<List<string?>> RowsAsync(HttpClient client) =>
        [.. (await TestApp.GetDocumentAsync(client, "/Compliance?year=2026")).QuerySelectorAll("#heat-map tbody tr").Select(r => r.GetAttribute("data-unit-code"))];

    [Theory]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task An_account_of_a_city_sees_only_the_city_and_the_units_below_it(string role)
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await SignInAsync(app, role, p.City);

        Assert.Equal(["P-A", "P-A-1"], await RowsAsync(client));
    }

    [Fact]
    public async Task A_unit_leader_sees_only_the_own_unit()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await SignInAsync(app, Roles.UnitLeader, p.City);

        Assert.Equal(["P-A"], await RowsAsync(client));
    }

    [Fact]
    public async Task The_top_of_the_jurisdiction_is_not_indented()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await SignInAsync(app, Roles.SecrecyOfficer, p.City);

        var page = await TestApp.GetDocumentAsync(client, "/Compliance?year=2026");

        Assert.Equal("padding-left: 0.5rem", page.QuerySelector($"#heat-row-{p.City} th")!.GetAttribute("style"));
    }

    [Fact]
    public async Task An_account_without_a_role_sees_no_unit()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var actor = new FixedCurrentUser("u", p.Root);

        var map = await app.InScopeAsync(sp => TestApp.ServiceFor<ComplianceService>(sp, actor).HeatMapAsync(2026, new ComplianceFilter(), 1, 100));

        Assert.Equal(0, map.Units);
        Assert.Empty(map.Rows.Items);
    }

    [Fact]
    public async Task A_unit_page_outside_the_jurisdiction_is_not_found_and_reveals_nothing()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await SignInAsync(app, Roles.SecrecyOfficer, p.City);

        var inside = await client.GetAsync($"/Compliance/Unit/{p.CityBureau}?year=2026");
        var outside = await client.GetAsync($"/Compliance/Unit/{p.Coast}?year=2026");
        var above = await client.GetAsync($"/Compliance/Unit/{p.Root}?year=2026");
        var missing = await client.GetAsync("/Compliance/Unit/99999?year=2026");

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, above.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("碧海市", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            (await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent,
            (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_unit_leader_cannot_open_the_compliance_of_another_unit()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await SignInAsync(app, Roles.UnitLeader, p.City);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Compliance/Unit/{p.City}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Compliance/Unit/{p.CityBureau}")).StatusCode);
    }

    [Fact]
    public async Task The_export_holds_only_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await SignInAsync(app, Roles.UnitLeader, p.City);

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/Compliance?handler=Export&format=csv&year=2026"));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2026,P-A,青山市,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_returns_nothing_for_a_unit_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var actor = new FixedCurrentUser("u", p.City, Roles.Supervisor);

        var (inside, outside) = await app.InScopeAsync(async sp =>
        {
            var compliance = TestApp.ServiceFor<ComplianceService>(sp, actor);
            return (await compliance.UnitAsync(p.City, 2026), await compliance.UnitAsync(p.Coast, 2026));
        });

        Assert.NotNull(inside);
        Assert.Null(outside);
    }
}
