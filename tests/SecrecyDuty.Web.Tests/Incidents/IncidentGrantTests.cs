using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Incidents.IncidentProvince;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// The accounts named on a file: on a need-to-know file, only they open it; a unit leader named on a file (asked for a
/// statement) opens that file and no other. Only accounts of the jurisdiction are named, by user name.
/// </summary>
public sealed class IncidentGrantTests
{
    private static Task<string[]> GrantedAsync(TestApp app, int id) =>
        app.DbAsync(async db => (await db.IncidentGrants.Where(g => g.IncidentId == id).Join(db.Users, g => g.UserId, u => u.Id, (g, u) => u.UserName!).OrderBy(n => n).ToListAsync()).ToArray());

    [Fact]
    public async Task An_account_of_the_jurisdiction_is_named_on_the_file_by_its_user_name()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        await app.GrantAsync(f.Officer, id, " discipline ");
        var opened = await app.IncidentsAsync(f.Officer, s => s.OpenAsync(id));

        Assert.Equal(["discipline", "officer"], await GrantedAsync(app, id));
        Assert.Equal(["discipline", "officer"], opened!.Grantees.Select(g => g.UserName));
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("")]
    [InlineData("outsider")]
    public async Task An_unknown_account_or_one_outside_the_jurisdiction_is_refused_beside_the_user_name(string userName)
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        var refused = await app.IncidentsAsync(f.Officer, s => s.GrantAsync(id, new IncidentGrantInput { UserName = userName }));

        Assert.Equal(["UserName"], IncidentTestData.Fields(refused));
        Assert.Equal(["officer"], await GrantedAsync(app, id));
    }

    [Theory]
    [InlineData("", "请填写要指定的账户用户名。")]
    [InlineData("a", "管辖范围内没有该用户名的账户。")]
    public async Task A_user_name_left_empty_or_longer_than_any_is_refused_beside_the_field_not_a_server_error(string typed, string message)
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        var client = await app.SignedInAsync("officer");
        var userName = typed.Length == 0 ? "" : new string('a', IncidentGrantInput.UserNameMaxLength + 1);

        // A field left empty binds as null: the service read it and failed with a server error.
        var form = await TestApp.GetFormAsync(client, $"/Incidents/Details/{id}", "#grant-form");
        var response = await client.PostAsync($"/Incidents/Details/{id}?handler=Grant", form.With(("Grant.UserName", userName)).ToContent());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await TestApp.ParseAsync(response)).QuerySelector("[data-valmsg-for='Grant.UserName']")!.TextContent);
        Assert.Equal(["officer"], await GrantedAsync(app, id));
    }

    [Fact]
    public async Task An_account_already_named_is_not_named_twice()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        var refused = await app.IncidentsAsync(f.Officer, s => s.GrantAsync(id, new IncidentGrantInput { UserName = "officer" }));

        Assert.Equal(["UserName"], IncidentTestData.Fields(refused));
        Assert.Equal(["officer"], await GrantedAsync(app, id));
    }

    [Fact]
    public async Task A_unit_leader_named_on_a_file_opens_that_file_and_no_other()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var named = await app.RegisterAsync(f.Officer, f.Leak("涉密文件遗失"));
        var other = await app.RegisterAsync(f.Officer, f.Leak("涉密U盘丢失"));

        var before = await app.IncidentsAsync(f.Leader, s => s.OpenAsync(named));
        await app.GrantAsync(f.Officer, named, "leader");
        var opened = await app.IncidentsAsync(f.Leader, s => s.OpenAsync(named));
        var notOpened = await app.IncidentsAsync(f.Leader, s => s.OpenAsync(other));
        var list = await app.IncidentsAsync(f.Leader, s => s.ListAsync(new IncidentFilter(), 1, 25));

        Assert.Null(before);
        Assert.Equal("涉密文件遗失", opened!.Title);
        Assert.Null(notOpened);
        Assert.Equal([named], list.Items.Select(i => i.Id));
        Assert.Equal(1, list.TotalCount);
    }

    [Fact]
    public async Task A_removed_account_no_longer_opens_the_file()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.GrantAsync(f.Officer, id, "leader");

        IncidentTestData.Succeeded(await app.IncidentsAsync(f.Officer, s => s.RevokeAsync(id, f.Leader.UserId!)));

        Assert.Null(await app.IncidentsAsync(f.Leader, s => s.OpenAsync(id)));
        Assert.Equal(["officer"], await GrantedAsync(app, id));
    }

    [Fact]
    public async Task A_need_to_know_file_does_not_open_for_a_secrecy_officer_not_named_on_it()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak(restricted: true));

        var opened = await app.IncidentsAsync(f.OtherOfficer, s => s.OpenAsync(id));
        var listed = await app.IncidentsAsync(f.OtherOfficer, s => s.ListAsync(new IncidentFilter(), 1, 25));
        var exported = await app.IncidentsAsync(f.OtherOfficer, s => s.ExportAsync(new IncidentFilter()));
        var granted = await app.IncidentsAsync(f.OtherOfficer, s => s.GrantAsync(id, new IncidentGrantInput { UserName = "officer2" }));

        Assert.Null(opened);
        Assert.Equal(0, listed.TotalCount);
        Assert.Empty(exported);
        Assert.Null(granted);
        Assert.Equal(["officer"], await GrantedAsync(app, id));
    }

    [Fact]
    public async Task A_secrecy_officer_named_on_a_need_to_know_file_opens_it()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak(restricted: true));

        await app.GrantAsync(f.Officer, id, "officer2");

        Assert.NotNull(await app.IncidentsAsync(f.OtherOfficer, s => s.OpenAsync(id)));
    }

    [Fact]
    public async Task The_account_working_on_a_need_to_know_file_cannot_remove_itself()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak(restricted: true));

        var refused = await app.IncidentsAsync(f.Officer, s => s.RevokeAsync(id, f.Officer.UserId!));

        Assert.False(refused!.Succeeded);
        Assert.Equal(["officer"], await GrantedAsync(app, id));
    }
}
