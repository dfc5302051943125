using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Admin;

/// <summary>
/// Issue 14, "No lost updates": two administrators act on one account at once; the second is shown the first's change
/// (docs/decisions/0020). The person's own sign-ins and sign-outs are not changes of the account an administrator sees.
/// </summary>
public sealed class AccountEditConflictTests
{
    private sealed record Setting(string Officer, HttpClient First, HttpClient Second);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("U1", "示范省保密局")
            .WithAccount("officer", Roles.SecrecyOfficer, "U1")
            .WithAccount("admin", Roles.Administrator, "U1", displayName: "钱管理员")
            .WithAccount("admin-2", Roles.Administrator, "U1")
            .BuildAsync();
        return new Setting(built.Account("officer"), await app.SignedInAsync("admin"), await app.SignedInAsync("admin-2"));
    }

    private static Task<(IList<string> Roles, bool Deactivated)> StoredAsync(TestApp app, string id) =>
        app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id))!;
            return (await users.GetRolesAsync(user), user.IsDeactivated);
        });

    [Fact]
    public async Task A_role_changed_by_a_second_administrator_on_an_older_page_is_shown_the_first_change_and_made_only_when_confirmed()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var url = $"/Admin/Accounts/Details/{s.Officer}";
        var first = await TestApp.GetFormAsync(s.First, url, "#change-role-form");
        var second = await TestApp.GetFormAsync(s.Second, url, "#change-role-form");

        await AssertSavedAsync(await s.First.PostAsync($"{url}?handler=ChangeRole", first.With(("RoleInput.Role", Roles.Supervisor)).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync($"{url}?handler=ChangeRole", second.With(("RoleInput.Role", Roles.DisciplineOfficial)).ToContent()));

        Assert.Equal([Roles.Supervisor], (await StoredAsync(app, s.Officer)).Roles);
        Assert.Contains("钱管理员 (admin)", Saved(conflict), StringComparison.Ordinal);
        Assert.Equal(("上级督导（只读）", "纪检监察人员"), Fields(conflict)["角色"]);
        await AssertSavedAsync(await s.Second.PostAsync($"{url}?handler=ChangeRole", Form(conflict, "#change-role-form").ToContent()));
        Assert.Equal([Roles.DisciplineOfficial], (await StoredAsync(app, s.Officer)).Roles);
    }

    [Fact]
    public async Task A_deactivation_on_a_page_opened_before_a_password_reset_is_refused_until_confirmed()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var url = $"/Admin/Accounts/Details/{s.Officer}";
        var deactivate = await TestApp.GetFormAsync(s.Second, url, "#deactivate-form");
        var reset = await TestApp.GetFormAsync(s.First, url, "#reset-password-form");

        await AssertSavedAsync(await s.First.PostAsync($"{url}?handler=ResetPassword", reset.With(("Reset.NewPassword", "Brand-New-Password-7")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync($"{url}?handler=Deactivate", deactivate.ToContent()));

        Assert.False((await StoredAsync(app, s.Officer)).Deactivated);
        Assert.Equal(("正常", null), Fields(conflict)["状态"]);
        await AssertSavedAsync(await s.Second.PostAsync($"{url}?handler=Deactivate", Form(conflict, "#deactivate-form").ToContent()));
        Assert.True((await StoredAsync(app, s.Officer)).Deactivated);
    }

    [Fact]
    public async Task The_persons_own_sign_in_and_sign_out_leave_an_administrators_page_current()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var url = $"/Admin/Accounts/Details/{s.Officer}";
        var deactivate = await TestApp.GetFormAsync(s.First, url, "#deactivate-form");

        // A failed attempt (the count of failures), a sign-in and a sign-out (the session stamp): Identity's bookkeeping only.
        Assert.Equal(HttpStatusCode.OK, (await TestApp.SignInAsync(app.CreateBrowserClient(), "officer", "Wrong-Password-2026")).StatusCode);
        var person = await app.SignedInAsync("officer");
        var logout = await TestApp.GetFormAsync(person, "/", "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostAsync("/Account/Logout", logout.ToContent())).StatusCode);

        await AssertSavedAsync(await s.First.PostAsync($"{url}?handler=Deactivate", deactivate.ToContent()));
        Assert.True((await StoredAsync(app, s.Officer)).Deactivated);
    }
}
