using System.Net;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Units.UnitTestData;

namespace SecrecyDuty.Web.Tests.Units;

/// <summary>
/// Issue 3, "Access": administrators and secrecy officers maintain units within their jurisdiction; unit
/// leaders read their own unit; supervisors and discipline officials read their jurisdiction.
/// </summary>
public sealed class UnitAccessTests
{
    public static TheoryData<string> ReadOnlyRoles => [Roles.UnitLeader, Roles.Supervisor, Roles.DisciplineOfficial];

    [Theory]
    [MemberData(nameof(ReadOnlyRoles))]
    public async Task A_role_that_only_reads_is_refused_every_write_by_the_service(string role)
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var reader = new FixedCurrentUser("r", p.City, role);
        var input = new CreateUnitInput { Code = "P-QS-2", Name = "新单位", Kind = UnitKind.StateOrgan, Level = AdministrativeLevel.County, ParentId = p.City };
        var edit = new UnitInput { Code = "P-QS-1", Name = "改名", Kind = UnitKind.StateOrgan, Level = AdministrativeLevel.County };

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(reader, units => units.CreateAsync(input)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(reader, units => units.EditAsync(p.City, Versions.First, edit)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(reader, units => units.MoveAsync(p.School, Versions.First, new MoveUnitInput { NewParentId = p.City })));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(reader, units => units.DeactivateAsync(p.School, Versions.First, new DeactivateUnitInput { ClosedOn = new DateOnly(2026, 11, 1) })));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(reader, units => units.ReactivateAsync(p.School, Versions.First)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(reader, units => units.ParentChoiceAsync(p.City)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(reader, units => units.GetForMoveAsync(p.School, p.City)));
        Assert.Equal("青山市", (await app.UnitAsync(p.City)).Name);
        Assert.Equal(p.County, (await app.UnitAsync(p.School)).ParentId);
    }

    [Theory]
    [MemberData(nameof(ReadOnlyRoles))]
    public async Task A_role_that_only_reads_gets_403_from_the_maintenance_pages(string role)
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("reader", role, p.City);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Units/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Units/Edit/{p.City}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Units/Move/{p.City}")).StatusCode);

        // Posting anyway, with a valid antiforgery token taken from the page's language form.
        var token = (await TestApp.GetFormAsync(client, "/Units", "#culture-form"))["__RequestVerificationToken"];
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        var create = await client.PostAsync("/Units/Create", Form(
            ("Input.Code", "P-QS-2"), ("Input.Name", "新单位"), ("Input.Kind", "StateOrgan"), ("Input.Level", "County"), ("Input.ParentId", Id(p.City))));
        var deactivate = await client.PostAsync($"/Units/Details/{p.City}?handler=Deactivate", Form());

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deactivate.StatusCode);
        Assert.True((await app.UnitAsync(p.City)).IsActive);
        Assert.DoesNotContain("P-QS-2", await app.VisibleCodesAsync(new FixedCurrentUser("a", p.Root, Roles.Administrator)));
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Supervisors_and_discipline_officials_read_the_whole_jurisdiction_without_actions(string role)
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("reader", role, p.City);

        var details = await TestApp.GetDocumentAsync(client, $"/Units/Details/{p.School}");
        var list = await TestApp.GetDocumentAsync(client, "/Units");

        Assert.Equal("P-QS-1-A", details.QuerySelector("#unit-code")!.TextContent);
        Assert.Null(details.QuerySelector("#unit-actions"));
        Assert.Null(list.QuerySelector("#create-unit"));
        Assert.Equal(["P-QS", "P-QS-1", "P-QS-1-A"], list.QuerySelectorAll("#units-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent));
    }

    [Fact]
    public async Task A_unit_leader_reads_the_own_unit_and_nothing_else()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("leader", Roles.UnitLeader, p.County);

        var own = await client.GetAsync($"/Units/Details/{p.County}");
        var below = await client.GetAsync($"/Units/Details/{p.School}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Null((await TestApp.ParseAsync(own)).QuerySelector("#unit-actions"));
        Assert.Equal(HttpStatusCode.NotFound, below.StatusCode);
    }

    [Fact]
    public async Task A_secrecy_officer_sees_the_actions_but_not_move_or_deactivate_on_the_top_unit_of_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var top = await TestApp.GetDocumentAsync(client, $"/Units/Details/{p.City}");
        var below = await TestApp.GetDocumentAsync(client, $"/Units/Details/{p.County}");

        Assert.NotNull(top.QuerySelector("#edit-unit"));
        Assert.Null(top.QuerySelector("#move-unit"));
        Assert.Null(top.QuerySelector("#deactivate-form"));
        Assert.NotNull(below.QuerySelector("#edit-unit"));
        Assert.NotNull(below.QuerySelector("#move-unit"));
        Assert.NotNull(below.QuerySelector("#deactivate-form"));
        var list = await TestApp.GetDocumentAsync(client, "/Units");
        Assert.NotNull(list.QuerySelector("#create-unit"));
    }

    [Fact]
    public async Task Pages_for_a_unit_outside_the_jurisdiction_are_404_and_reveal_nothing()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        foreach (var url in new[] { $"/Units/Details/{p.OtherCity}", $"/Units/Edit/{p.OtherCity}", $"/Units/Move/{p.OtherCity}", $"/Units/Edit/{p.Root}", "/Units/Move/99999" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("碧海市", body, StringComparison.Ordinal);
            Assert.DoesNotContain("P-BH", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Writes_to_a_unit_outside_the_jurisdiction_are_404_and_change_nothing()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);
        var token = (await TestApp.GetFormAsync(client, "/Units", "#culture-form"))["__RequestVerificationToken"];
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);

        var edit = await client.PostAsync($"/Units/Edit/{p.OtherCity}", Form(
            ("Input.Code", "P-BH"), ("Input.Name", "改名"), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")));
        var move = await client.PostAsync($"/Units/Move/{p.OtherCity}", Form(("Input.NewParentId", Id(p.City))));
        var deactivate = await client.PostAsync($"/Units/Details/{p.OtherCity}?handler=Deactivate", Form());

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        var other = await app.UnitAsync(p.OtherCity);
        Assert.Equal(("碧海市", p.Root, true), (other.Name, other.ParentId, other.IsActive));
    }

    [Fact]
    public async Task The_service_answers_null_for_a_unit_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        var edit = new UnitInput { Code = "P-BH", Name = "改名", Kind = UnitKind.StateOrgan, Level = AdministrativeLevel.County };

        Assert.Null(await app.AsAsync(officer, units => units.GetForEditAsync(p.OtherCity)));
        Assert.Null(await app.AsAsync(officer, units => units.GetForMoveAsync(p.OtherCity)));
        Assert.Null(await app.AsAsync(officer, units => units.EditAsync(p.OtherCity, Versions.First, edit)));
        Assert.Null(await app.AsAsync(officer, units => units.MoveAsync(p.OtherCity, Versions.First, new MoveUnitInput { NewParentId = p.City })));
        Assert.Null(await app.AsAsync(officer, units => units.DeactivateAsync(p.OtherCity, Versions.First, new DeactivateUnitInput { ClosedOn = new DateOnly(2026, 11, 1) })));
        Assert.Null(await app.AsAsync(officer, units => units.ReactivateAsync(p.Root, Versions.First)));
    }
}
