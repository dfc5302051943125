using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.SecrecyOrganizations.OrganizationTestData;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>
/// Administrators and secrecy officers maintain within their jurisdiction; unit leaders read their own unit;
/// supervisors and discipline officials read their jurisdiction. Outside it, nothing is revealed.
/// </summary>
public sealed class SecrecyOrganizationAccessTests
{
    private sealed record Province(int Root, int City, int CityUnit, int OtherCity);

    private static async Task<Province> ProvinceAsync(TestApp app)
    {
        await AddRegulationAsync(app);
        var built = await app.Province()
            .WithUnit("SF", "示范省")
            .WithUnit("SF-QS", "青山市", parent: "SF")
            .WithUnit("SF-QS-JYJ", "青山市教育局", parent: "SF-QS")
            .WithUnit("SF-BH", "碧海市", parent: "SF")
            .WithOrganization("SF-BH", SecrecyOrganizationKind.Committee, budget: 777777m)
            .BuildAsync();
        var root = built.Unit("SF");
        var city = built.Unit("SF-QS");
        var cityUnit = built.Unit("SF-QS-JYJ");
        var other = built.Unit("SF-BH");
        return new Province(root, city, cityUnit, other);
    }

    private static async Task<HttpClient> SignedInAsync(TestApp app, string role, int unitId)
    {
        var client = await app.SignedInAsAsync("someone", role, unitId);
        return client;
    }

    [Theory]
    [InlineData("/SecrecyOrganizations/Details/{0}")]
    [InlineData("/SecrecyOrganizations/Edit/{0}")]
    [InlineData("/SecrecyOrganizations/RuleRegister/{0}")]
    [InlineData("/SecrecyOrganizations/RuleRegisterEdit/{0}/R1")]
    public async Task A_request_by_id_for_a_unit_outside_the_jurisdiction_is_not_found_and_reveals_nothing(string template)
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, p.City);

        var inside = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, p.CityUnit));
        var outside = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, p.OtherCity));
        var missing = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 99999));

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await outside.Content.ReadAsStringAsync();
        Assert.DoesNotContain("碧海市", body, StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Posting_the_edit_form_for_a_unit_outside_the_jurisdiction_is_not_found_and_changes_nothing()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, p.City);
        var form = await TestApp.GetFormAsync(client, $"/SecrecyOrganizations/Edit/{p.CityUnit}", "#organization-form");

        var response = await client.PostAsync($"/SecrecyOrganizations/Edit/{p.OtherCity}", form.With(
            ("Input.Kind", "LeadingGroup"),
            ("Input.EstablishedOn", "2020-01-01")).ToContent());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var kind = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.Where(o => o.UnitId == p.OtherCity).Select(o => o.Kind).SingleAsync());
        Assert.Equal(SecrecyOrganizationKind.Committee, kind);
    }

    [Fact]
    public async Task A_supervisor_posting_the_edit_form_is_refused_with_403_and_nothing_is_saved()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, Roles.Supervisor, p.Root);

        // A supervisor gets no form; the antiforgery token of any page of the session is enough to post.
        var view = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/Details/{p.CityUnit}");
        Assert.Null(view.QuerySelector("#edit-organization"));
        var token = await TestApp.GetFormAsync(client, $"/SecrecyOrganizations/Details/{p.CityUnit}", "#culture-form");
        var response = await client.PostAsync($"/SecrecyOrganizations/Edit/{p.CityUnit}", token.Without("culture").With(
            ("Input.Kind", "Committee"),
            ("Input.EstablishedOn", "2020-01-01")).ToContent());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.AnyAsync(o => o.UnitId == p.CityUnit)));
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    [InlineData(Roles.UnitLeader)]
    public async Task Read_only_roles_get_no_edit_form(string role)
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, role, p.CityUnit);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/SecrecyOrganizations/Edit/{p.CityUnit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/SecrecyOrganizations/RuleRegisterEdit/{p.CityUnit}/R1")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    [InlineData(Roles.UnitLeader)]
    public async Task The_services_refuse_writes_by_roles_that_only_read(string role)
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var actor = new FixedCurrentUser("r", p.CityUnit, role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp => TestApp.ServiceFor<SecrecyOrganizationService>(sp, actor)
            .SaveAsync(p.CityUnit, Versions.None, new SecrecyOrganizationInput { Kind = SecrecyOrganizationKind.Committee, EstablishedOn = new DateOnly(2020, 1, 1) })));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp => TestApp.ServiceFor<RuleRegisterService>(sp, actor)
            .SaveAsync(p.CityUnit, "R1", Versions.None, new RuleRegisterEntryInput { AdoptedOn = new DateOnly(2020, 1, 1), DocumentReference = "X" })));
    }

    [Fact]
    public async Task A_unit_leader_reads_the_own_unit_but_no_other()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, Roles.UnitLeader, p.City);

        var own = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/Details/{p.City}");
        var below = await client.GetAsync($"/SecrecyOrganizations/Details/{p.CityUnit}");

        Assert.NotNull(own.QuerySelector("#no-organization"));
        Assert.Null(own.QuerySelector("#edit-organization"));
        Assert.Equal(HttpStatusCode.NotFound, below.StatusCode);
    }

    [Fact]
    public async Task A_discipline_official_reads_units_below_and_an_administrator_maintains_them()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var leader = (await app.Province()
            .WithLeader("孙局长", p.CityUnit, rank: LeaderRank.DepartmentBureau)
            .WithPosting("孙局长", PostingRole.PrincipalLeader, new DateOnly(2023, 1, 1), title: "局长")
            .BuildAsync()).Leader("孙局长");
        var administrator = new FixedCurrentUser("a", p.City, Roles.Administrator);
        var saved = await app.InScopeAsync(sp => TestApp.ServiceFor<SecrecyOrganizationService>(sp, administrator).SaveAsync(p.CityUnit, Versions.None, new SecrecyOrganizationInput
        {
            Kind = SecrecyOrganizationKind.LeadingGroup,
            EstablishedOn = new DateOnly(2023, 3, 1),
            ChairLeaderId = leader,
        }));
        var discipline = new FixedCurrentUser("d", p.City, Roles.DisciplineOfficial);

        var view = await app.InScopeAsync(sp => TestApp.ServiceFor<SecrecyOrganizationService>(sp, discipline).GetAsync(p.CityUnit));

        Assert.True(saved!.Succeeded);
        Assert.False(view!.CanEdit);
        Assert.Equal("孙局长", view.Organization!.ChairName);
        Assert.Equal("局长", view.Organization.ChairTitle);
    }
}
