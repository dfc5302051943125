using System.Net;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Units;

/// <summary>docs/domain.md "Jurisdiction": nobody reads a record outside it, whatever id they type.</summary>
public sealed class JurisdictionTests
{
    private sealed record Province(int Root, int City, int County, int OtherCity);

    private static async Task<Province> ProvinceAsync(TestApp app)
    {
        var p = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-QS", "青山市", parent: "P")
            .WithUnit("P-QS-1", "青山市教育局", parent: "P-QS")
            .WithUnit("P-BH", "碧海市", parent: "P")
            .BuildAsync();
        return new Province(p.Unit("P"), p.Unit("P-QS"), p.Unit("P-QS-1"), p.Unit("P-BH"));
    }

    private static Task<List<string>> VisibleCodesAsync(TestApp app, ICurrentUser actor) =>
        app.InScopeAsync(async sp =>
            (await TestApp.ServiceFor<UnitService>(sp, actor).ListAsync(null, 1, 100)).Items.Select(u => u.Code).ToList());

    [Theory]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.DisciplineOfficial)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Administrator)]
    public async Task Non_leader_roles_see_their_unit_and_every_unit_below_it(string role)
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        var codes = await VisibleCodesAsync(app, new FixedCurrentUser("u", p.City, role));

        Assert.Equal(["P-QS", "P-QS-1"], codes);
    }

    [Fact]
    public async Task A_unit_leader_sees_only_the_own_unit()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        var codes = await VisibleCodesAsync(app, new FixedCurrentUser("u", p.City, Roles.UnitLeader));

        Assert.Equal(["P-QS"], codes);
    }

    [Fact]
    public async Task An_account_without_a_role_sees_nothing()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        Assert.Empty(await VisibleCodesAsync(app, new FixedCurrentUser("u", p.Root)));
    }

    [Fact]
    public async Task The_service_returns_nothing_for_a_unit_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var actor = new FixedCurrentUser("u", p.City, Roles.SecrecyOfficer);

        var (inside, outside, above) = await app.InScopeAsync(async sp =>
        {
            var units = TestApp.ServiceFor<UnitService>(sp, actor);
            return (await units.GetAsync(p.County), await units.GetAsync(p.OtherCity), await units.GetAsync(p.Root));
        });

        Assert.NotNull(inside);
        Assert.Null(outside);
        Assert.Null(above);
    }

    [Fact]
    public async Task A_request_by_id_for_a_unit_outside_the_jurisdiction_is_refused_and_reveals_nothing()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var inside = await client.GetAsync($"/Units/Details/{p.County}");
        var outside = await client.GetAsync($"/Units/Details/{p.OtherCity}");
        var missing = await client.GetAsync("/Units/Details/99999");

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await outside.Content.ReadAsStringAsync();
        Assert.DoesNotContain("碧海市", body, StringComparison.Ordinal);

        // Outside the jurisdiction and non-existent read the same: the id's existence is not revealed.
        var outsidePage = await TestApp.ParseAsync(outside);
        var missingPage = await TestApp.ParseAsync(missing);
        Assert.Equal(missingPage.QuerySelector("main")!.TextContent, outsidePage.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_unit_list_page_shows_only_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await app.SignedInAsAsync("leader", Roles.UnitLeader, p.County);

        var page = await TestApp.GetDocumentAsync(client, "/Units");

        var rows = page.QuerySelectorAll("#units-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(["P-QS-1"], rows);
    }
}
