using System.Net;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Tests.Infrastructure;
using SecrecyDuty.Web.Tests.Units;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, finding 10: a leader and a city officer do not see the name of the province above their jurisdiction in
/// /Units (the list, its export, a unit's page, the move page). The import report's side of the finding is proved by
/// <c>ImportChecksTests</c> and <c>ImportTests</c> ("not found or not in your jurisdiction", one message for both).
/// </summary>
public sealed class SmallLeakTests
{
    private const string Province = "示范省";

    [Theory]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.UnitLeader)]
    [InlineData(Roles.Supervisor)]
    public async Task The_units_pages_do_not_name_a_parent_outside_the_jurisdiction(string role)
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var builder = app.Province().WithLeader("青领导", p.City, rank: LeaderRank.DepartmentBureau);
        await (role == Roles.UnitLeader
            ? builder.WithAccount("someone", role, p.City, leader: "青领导")
            : builder.WithAccount("someone", role, p.City)).BuildAsync();
        var client = await app.SignedInAsync("someone");

        var list = await client.GetAsync("/Units");
        var details = await client.GetAsync($"/Units/Details/{p.City}");
        var export = await client.GetAsync("/Units?handler=Export&format=csv");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("青山市", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var body in new[] { await list.Content.ReadAsStringAsync(), await details.Content.ReadAsStringAsync(), await export.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(Province, body, StringComparison.Ordinal);
        }

        var page = await TestApp.ParseAsync(await client.GetAsync($"/Units/Details/{p.City}"));
        Assert.Equal("（无）", page.QuerySelector("#unit-parent")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_parent_within_the_jurisdiction_is_still_named_and_linked()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var page = await TestApp.GetDocumentAsync(client, $"/Units/Details/{p.County}");

        Assert.Equal("青山市", page.QuerySelector("#unit-parent a")!.TextContent);
    }

    [Fact]
    public async Task The_move_page_of_the_jurisdictions_top_unit_does_not_name_the_unit_above()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var response = await client.GetAsync($"/Units/Move/{p.City}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Province, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
