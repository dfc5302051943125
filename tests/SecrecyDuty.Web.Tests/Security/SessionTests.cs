using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, findings 1 and 2: a session ends on the server. After sign-out, a copy of the old cookie is refused; a
/// password reset, a deactivation, a lockout or a role change ends the account's sessions on their next request; a
/// session ends after a while without requests.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task After_sign_out_a_replayed_cookie_is_refused_and_reads_nothing()
    {
        using var app = TestApp.Rent();
        await SecrecyOfficeAsync(app);
        var browser = app.CreateBrowserClient();
        var cookie = AuthCookie(await TestApp.SignInAsync(browser, "officer"));
        var attacker = app.CreateClientWithoutCookies();
        var before = await GetWithCookieAsync(attacker, "/Leaders", cookie);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("王保密", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var form = await TestApp.GetFormAsync(browser, "/", "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/Account/Logout", form.ToContent())).StatusCode);

        foreach (var url in new[] { "/Leaders", "/Leaders?handler=Export&format=csv" })
        {
            var replayed = await GetWithCookieAsync(attacker, url, cookie);
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.StartsWith("https://localhost/Account/Login", replayed.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("王保密", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deactivating_an_account_ends_its_session_on_the_next_request_and_it_cannot_sign_in_again()
    {
        using var app = TestApp.Rent();
        var built = await SecrecyOfficeAsync(app);
        var officer = await app.SignedInAsync("officer");
        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Leaders")).StatusCode);

        await PostAccountActionAsync(admin, built.Account("officer"), "#deactivate-form");

        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Leaders")).StatusCode);
        var again = await TestApp.SignInAsync(app.CreateBrowserClient(), "officer");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("用户名或密码不正确，或账户因多次登录失败已被暂时锁定。", (await TestApp.ParseAsync(again)).QuerySelector("[role=alert]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_lockout_ends_the_session_of_the_locked_account()
    {
        using var app = TestApp.Rent();
        await SecrecyOfficeAsync(app);
        var officer = await app.SignedInAsync("officer");
        var attacker = app.CreateBrowserClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await TestApp.SignInAsync(attacker, "officer", "Wrong-Password-123");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Leaders")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_of_the_account_and_the_new_password_signs_in()
    {
        using var app = TestApp.Rent();
        var built = await SecrecyOfficeAsync(app);
        var officer = await app.SignedInAsync("officer");
        var admin = await app.SignedInAsync("admin");

        await PostAccountActionAsync(admin, built.Account("officer"), "#reset-password-form", ("Reset.NewPassword", "Brand-New-Password-7"));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Leaders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestApp.SignInAsync(app.CreateBrowserClient(), "officer")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(app.CreateBrowserClient(), "officer", "Brand-New-Password-7")).StatusCode);
    }

    [Fact]
    public async Task A_changed_role_takes_effect_on_the_next_request()
    {
        using var app = TestApp.Rent();
        var built = await SecrecyOfficeAsync(app);
        var officer = await app.SignedInAsync("officer");
        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Import")).StatusCode);

        await PostAccountActionAsync(admin, built.Account("officer"), "#change-role-form", ("RoleInput.Role", Roles.Supervisor));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Import")).StatusCode);
        var again = await app.SignedInAsync("officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/Import")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_thirty_minutes_without_a_request_and_each_request_renews_it()
    {
        using var app = TestApp.Rent();
        await SecrecyOfficeAsync(app);
        var officer = await app.SignedInAsync("officer");

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Leaders")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Leaders")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Leaders")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_http_only_and_same_site()
    {
        using var app = TestApp.Rent();
        await SecrecyOfficeAsync(app);

        var response = await TestApp.SignInAsync(app.CreateBrowserClient(), "officer");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SecrecyDuty.Auth=", StringComparison.Ordinal)).ToUpperInvariant();
        Assert.Contains("; SECURE", cookie, StringComparison.Ordinal);
        Assert.Contains("; HTTPONLY", cookie, StringComparison.Ordinal);
        Assert.Contains("; SAMESITE=LAX", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_ones_own_password_keeps_this_session_ends_the_others_and_is_audited()
    {
        using var app = TestApp.Rent();
        await SecrecyOfficeAsync(app);
        var here = await app.SignedInAsync("officer");
        var elsewhere = await app.SignedInAsync("officer");

        var form = await TestApp.GetFormAsync(here, "/Account/Password", "#change-password-form");
        var wrong = await here.PostAsync("/Account/Password", form.With(
            ("Input.CurrentPassword", "Not-My-Password-1"), ("Input.NewPassword", "Brand-New-Password-7"), ("Input.ConfirmPassword", "Brand-New-Password-7")).ToContent());
        Assert.Equal("当前密码不正确。", (await TestApp.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent);

        form = await TestApp.GetFormAsync(here, "/Account/Password", "#change-password-form");
        var changed = await here.PostAsync("/Account/Password", form.With(
            ("Input.CurrentPassword", TestApp.Password), ("Input.NewPassword", "Brand-New-Password-7"), ("Input.ConfirmPassword", "Brand-New-Password-7")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var page = await TestApp.GetDocumentAsync(here, "/Account/Password");
        Assert.Equal("密码已修改。您账户的其他会话已结束。", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Leaders")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(app.CreateBrowserClient(), "officer", "Brand-New-Password-7")).StatusCode);
        Assert.Contains(await AuditAsync(app), a => a is ("Account", "officer", "Password"));
    }

    [Fact]
    public async Task Each_administrator_action_on_an_account_is_in_the_audit_trail_under_the_accounts_unit()
    {
        using var app = TestApp.Rent();
        var built = await SecrecyOfficeAsync(app);
        var admin = await app.SignedInAsync("admin");
        var id = built.Account("officer");
        await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var officer = await users.FindByIdAsync(id);
            await users.SetLockoutEndDateAsync(officer!, TestHost.DefaultNow.AddMinutes(10));
        });

        await PostAccountActionAsync(admin, id, "#unlock-form");
        await PostAccountActionAsync(admin, id, "#reset-password-form", ("Reset.NewPassword", "Brand-New-Password-7"));
        await PostAccountActionAsync(admin, id, "#change-role-form", ("RoleInput.Role", Roles.Supervisor));
        await PostAccountActionAsync(admin, id, "#deactivate-form");
        await PostAccountActionAsync(admin, id, "#reactivate-form");

        var entries = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Account" && a.EntityId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.UserName, a.UnitId, a.Changes }).ToListAsync());
        Assert.Equal(
            ["Update LockedOut", "Update Password", "Update Role", "Deactivate Active", "Reactivate Active"],
            entries.Select(e => $"{e.Action} {System.Text.Json.JsonDocument.Parse(e.Changes).RootElement[0].GetProperty("field").GetString()}"));
        Assert.All(entries, e => Assert.Equal(("admin", built.Unit("U1")), (e.UserName, e.UnitId!.Value)));
        Assert.DoesNotContain(entries, e => e.Changes.Contains("Brand-New", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_outside_the_administrators_jurisdiction_is_not_found_for_every_action()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("P", "省委")
            .WithUnit("A", "甲市", parent: "P")
            .WithUnit("B", "乙市", parent: "P")
            .WithAccount("admin-a", Roles.Administrator, "A")
            .WithAccount("officer-b", Roles.SecrecyOfficer, "B")
            .BuildAsync();
        var admin = await app.SignedInAsync("admin-a");
        var id = built.Account("officer-b");
        var token = (await TestApp.GetFormAsync(admin, "/Admin/Accounts", "#culture-form"))["__RequestVerificationToken"];

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Accounts/Details/{id}")).StatusCode);
        foreach (var handler in new[] { "ResetPassword", "Deactivate", "Reactivate", "Unlock", "ChangeRole" })
        {
            var response = await admin.PostAsync($"/Admin/Accounts/Details/{id}?handler={handler}", new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("Reset.NewPassword", "Brand-New-Password-7"), new("RoleInput.Role", Roles.Supervisor)]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(app.CreateBrowserClient(), "officer-b")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_or_demote_their_own_account()
    {
        using var app = TestApp.Rent();
        var built = await SecrecyOfficeAsync(app);
        var admin = await app.SignedInAsync("admin");

        var page = await TestApp.GetDocumentAsync(admin, $"/Admin/Accounts/Details/{built.Account("admin")}");

        Assert.NotNull(page.QuerySelector("#own-account"));
        Assert.Null(page.QuerySelector("#deactivate-form"));
        Assert.Null(page.QuerySelector("#change-role-form"));
    }

    internal static async Task<BuiltProvince> SecrecyOfficeAsync(TestApp app) =>
        await app.Province()
            .WithUnit("U1", "示范省保密局")
            .WithLeader("王保密", "U1", "U1-0001", LeaderRank.DepartmentBureau)
            .WithAccount("officer", Roles.SecrecyOfficer, "U1")
            .WithAccount("admin", Roles.Administrator, "U1")
            .BuildAsync();

    /// <summary>The sign-in cookie as the response set it (all its chunks), ready for a Cookie header.</summary>
    internal static string AuthCookie(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("SecrecyDuty.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));

    internal static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static async Task PostAccountActionAsync(HttpClient admin, string accountId, string formSelector, params (string, string)[] values)
    {
        var url = $"/Admin/Accounts/Details/{accountId}";
        var document = await TestApp.GetDocumentAsync(admin, url);
        var form = document.QuerySelector(formSelector) as AngleSharp.Html.Dom.IHtmlFormElement
            ?? throw new InvalidOperationException($"{url} has no form {formSelector}");
        var response = await admin.PostAsync(form.Action, FormFields.From(form).With(values).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<List<(string, string, string)>> AuditAsync(TestApp app) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == "Account" && a.Action != AuditAction.SignIn && a.Action != AuditAction.SignInFailed)
                .Select(a => new { a.EntityType, a.UserName, a.Changes }).ToListAsync())
            .Select(a => (a.EntityType, a.UserName, System.Text.Json.JsonDocument.Parse(a.Changes).RootElement[0].GetProperty("field").GetString()!))
            .ToList());
}
