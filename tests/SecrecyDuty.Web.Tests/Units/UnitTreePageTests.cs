using System.Globalization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Units;

public sealed class UnitTreePageTests
{
    [Fact]
    public async Task The_tree_page_nests_the_jurisdictions_units_and_marks_the_inactive_ones()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var closed = (await app.Province()
            .WithUnit("P-QS-8", "青山市撤并单位", parent: p.City, kind: UnitKind.PublicInstitution, level: AdministrativeLevel.County, active: false)
            .BuildAsync()).Unit("P-QS-8");
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var page = await TestApp.GetDocumentAsync(client, "/Units/Tree");

        var city = page.QuerySelector($"#unit-tree > ul > li#unit-node-{p.City}");
        Assert.NotNull(city);
        Assert.NotNull(city.QuerySelector($":scope > details > ul > li#unit-node-{p.County} > details > ul > li#unit-node-{p.School}"));
        Assert.Null(page.QuerySelector($"#unit-node-{p.Root}"));
        Assert.Null(page.QuerySelector($"#unit-node-{p.OtherCity}"));
        var inactive = page.QuerySelector($"#unit-node-{closed}")!;
        Assert.NotNull(inactive.QuerySelector("[data-inactive]"));
        Assert.Null(page.QuerySelector($"#unit-node-{p.County} > details > summary [data-inactive]"));
        Assert.Equal("党的机关", page.QuerySelector($"#unit-node-{p.School} [data-kind]")!.TextContent);
    }

    [Fact]
    public async Task A_unit_leader_sees_only_the_own_unit_in_the_tree()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("leader", Roles.UnitLeader, p.County);

        var page = await TestApp.GetDocumentAsync(client, "/Units/Tree");

        Assert.Equal([$"unit-node-{p.County}"], page.QuerySelectorAll("#unit-tree li").Select(li => li.Id));
    }

    [Fact]
    public void Every_unit_kind_and_level_has_a_name_in_both_languages()
    {
        var tables = new JsonStringTables();
        var keys = Enum.GetValues<UnitKind>().Select(k => "UnitKind:" + k)
            .Concat(Enum.GetValues<AdministrativeLevel>().Select(l => "AdministrativeLevel:" + l));
        foreach (var key in keys)
        {
            Assert.True(tables.Find(key, new CultureInfo("zh-CN")) is { Length: > 0 }, key);
            Assert.True(tables.Find(key, new CultureInfo("en")) is { Length: > 0 }, key);
        }
    }
}
