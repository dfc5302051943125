using System.Globalization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Units;

public sealed class UnitTreePageTests
{
    [Fact]
    public async Task The_tree_page_shows_the_top_of_the_jurisdiction_and_reads_deeper_branches_on_demand()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var closed = (await app.Province()
            .WithUnit("P-QS-8", "青山市撤并单位", parent: p.City, kind: UnitKind.PublicInstitution, level: AdministrativeLevel.County, active: false)
            .BuildAsync()).Unit("P-QS-8");
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var page = await TestApp.GetDocumentAsync(client, "/Units/Tree");

        // The top unit open with the units right below it; the county's branch is not on the page until asked for.
        var city = page.QuerySelector($"#unit-tree > ul > li#unit-node-{p.City}");
        Assert.NotNull(city);
        Assert.Equal("true", city.QuerySelector(":scope > button.tree-toggle")!.GetAttribute("aria-expanded"));
        var county = city.QuerySelector($":scope > ul > li#unit-node-{p.County}")!;
        var toggle = county.QuerySelector(":scope > button.tree-toggle")!;
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Equal($"unit-children-{p.County}", toggle.GetAttribute("aria-controls"));
        Assert.True(county.QuerySelector($":scope > ul#unit-children-{p.County}")!.HasAttribute("hidden"));
        Assert.Null(page.QuerySelector($"#unit-node-{p.School}"));
        Assert.Null(page.QuerySelector($"#unit-node-{p.Root}"));
        Assert.Null(page.QuerySelector($"#unit-node-{p.OtherCity}"));
        Assert.Empty(page.QuerySelectorAll("button a, a button"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/unit-tree.js']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        var inactive = page.QuerySelector($"#unit-node-{closed}")!;
        Assert.NotNull(inactive.QuerySelector("[data-inactive]"));
        Assert.Null(inactive.QuerySelector("button.tree-toggle"));

        // The branch the toggle asks for: the county's units as list items.
        var children = await client.GetAsync(new Uri(toggle.GetAttribute("data-children")!, UriKind.Relative));
        var branch = await TestApp.ParseAsync(children);
        var school = branch.QuerySelector($"li#unit-node-{p.School}");
        Assert.NotNull(school);
        Assert.Equal("党的机关", school.QuerySelector("[data-kind]")!.TextContent);
    }

    [Fact]
    public async Task The_branch_of_a_unit_outside_the_jurisdiction_is_not_found()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var response = await client.GetAsync(new Uri($"/Units/Tree?handler=Children&id={p.OtherCity}", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
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
