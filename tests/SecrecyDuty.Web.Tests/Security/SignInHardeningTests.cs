using System.Net;
using AngleSharp.Html.Dom;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, "Sign-in hardening": two-factor sign-in with an authenticator app (required for administrators and
/// discipline officials where the setting is on; a code accepted once only; recovery codes used once), and sign-in
/// attempts limited per client address and per user name. These hosts have production's settings on; the shared hosts
/// turn them off (TestHost).
/// </summary>
public sealed class SignInHardeningTests
{
    private static TestApp TwoFactorRequired() => TestApp.StartOwn(b => b.UseSetting("Security:RequireTwoFactor", "true"));

    [Fact]
    public async Task An_administrator_enrols_after_the_password_and_then_signs_in_with_a_code_accepted_once_only()
    {
        using var app = TwoFactorRequired();
        await app.Province().WithUnit("U1", "省保密局").WithAccount("admin", Roles.Administrator, "U1").BuildAsync();
        var browser = app.CreateBrowserClient();
        await TestApp.SignInAsync(browser, "admin");

        // Before enrolment every page sends the administrator to the enrolment page.
        var home = await browser.GetAsync("/Admin/Accounts");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/TwoFactor", home.Headers.Location!.OriginalString);
        var start = await TestApp.GetFormAsync(browser, "/Account/TwoFactor", "#start-form");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/Account/TwoFactor?handler=Start", start.ToContent())).StatusCode);

        var enrolment = await TestApp.GetDocumentAsync(browser, "/Account/TwoFactor");
        Assert.NotNull(enrolment.QuerySelector("#qr-code svg"));
        Assert.Null(enrolment.QuerySelector("img[src^=http]"));
        var key = enrolment.QuerySelector("#authenticator-key")!.TextContent;
        var confirm = FormFields.From((IHtmlFormElement)enrolment.QuerySelector("#confirm-form")!);
        var confirmed = await TestApp.ParseAsync(await browser.PostAsync("/Account/TwoFactor?handler=Confirm", confirm.With(("Code", CodeAt(app, key))).ToContent()));
        var recoveryCodes = confirmed.QuerySelectorAll(".recovery-code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Accounts")).StatusCode);

        // The next sign-in asks for a code; the code already used for enrolment (same time step) is refused.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var next = app.CreateBrowserClient();
        var password = await TestApp.SignInAsync(next, "admin");
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var replay = await PostCodeAsync(next, "Code", CodeAt(app, key));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("验证码不正确，或账户因多次登录失败已被暂时锁定。", (await TestApp.ParseAsync(replay)).QuerySelector("[data-valmsg-for=Code]")!.TextContent);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = await PostCodeAsync(next, "Code", CodeAt(app, key));
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/Admin/Accounts")).StatusCode);

        // A recovery code signs in once.
        var lostPhone = app.CreateBrowserClient();
        await TestApp.SignInAsync(lostPhone, "admin");
        Assert.Equal(HttpStatusCode.Redirect, (await PostCodeAsync(lostPhone, "RecoveryCode", recoveryCodes[0], "Recovery")).StatusCode);
        var again = app.CreateBrowserClient();
        await TestApp.SignInAsync(again, "admin");
        Assert.Equal(HttpStatusCode.OK, (await PostCodeAsync(again, "RecoveryCode", recoveryCodes[0], "Recovery")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_is_optional_for_other_roles_and_cannot_be_turned_off_where_it_is_required()
    {
        using var app = TwoFactorRequired();
        await app.Province().WithUnit("U1", "省保密局").WithAccount("officer", Roles.SecrecyOfficer, "U1").WithAccount("discipline", Roles.DisciplineOfficial, "U1").BuildAsync();

        var officer = await app.SignedInAsync("officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Leaders")).StatusCode);
        Assert.NotNull((await TestApp.GetDocumentAsync(officer, "/Account/TwoFactor")).QuerySelector("#two-factor-off"));

        var discipline = await app.SignedInAsync("discipline");
        Assert.Equal(HttpStatusCode.Redirect, (await discipline.GetAsync("/Incidents")).StatusCode);
        Assert.NotNull((await TestApp.GetDocumentAsync(discipline, "/Account/TwoFactor")).QuerySelector("#must-enrol"));
    }

    [Fact]
    public async Task In_development_the_demo_administrator_signs_in_with_the_printed_password_only()
    {
        using var app = TestApp.Rent("Development");
        var client = app.CreateBrowserClient();

        await TestApp.SignInAsync(client, "admin", DemoProvinceSeeder.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Accounts")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client_address()
    {
        using var app = TestApp.StartOwn(b => b.UseSetting("Security:SignInAttemptsPerAddressPerMinute", "3"));
        var client = app.CreateBrowserClient();

        var answers = new List<HttpStatusCode>();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            answers.Add((await TestApp.SignInAsync(client, name, "Wrong-Password-123")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_user_name_and_other_names_are_not_held_up()
    {
        using var app = TestApp.StartOwn(b => b.UseSetting("Security:SignInAttemptsPerAccountPerMinute", "2"));
        await app.Province().WithUnit("U1", "省保密局").WithAccount("officer", Roles.SecrecyOfficer, "U1").BuildAsync();
        var client = app.CreateBrowserClient();

        await TestApp.SignInAsync(client, "target", "Wrong-Password-123");
        await TestApp.SignInAsync(client, "TARGET ", "Wrong-Password-123");
        var third = await TestApp.SignInAsync(client, "target", "Wrong-Password-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(client, "officer")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_resets_the_two_factor_sign_in_of_a_person_who_lost_the_phone()
    {
        using var app = TestApp.Rent();
        var built = await app.Province().WithUnit("U1", "省保密局").WithAccount("officer", Roles.SecrecyOfficer, "U1").WithAccount("admin", Roles.Administrator, "U1").BuildAsync();
        var officer = await app.SignedInAsync("officer");
        await EnrolAsync(app, officer);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.StartsWith("/Account/LoginWith2fa", (await TestApp.SignInAsync(app.CreateBrowserClient(), "officer")).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var admin = await app.SignedInAsync("admin");
        var page = await TestApp.GetDocumentAsync(admin, $"/Admin/Accounts/Details/{built.Account("officer")}");
        var form = (IHtmlFormElement)page.QuerySelector("#reset-two-factor-form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(form.Action, FormFields.From(form).ToContent())).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Leaders")).StatusCode);
        var again = await TestApp.SignInAsync(app.CreateBrowserClient(), "officer");
        Assert.Equal("/", again.Headers.Location!.OriginalString);
    }

    /// <summary>Enrols the signed-in account with an authenticator app; returns its key and its recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(TestApp app, HttpClient browser)
    {
        var start = await TestApp.GetFormAsync(browser, "/Account/TwoFactor", "#start-form");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/Account/TwoFactor?handler=Start", start.ToContent())).StatusCode);
        var enrolment = await TestApp.GetDocumentAsync(browser, "/Account/TwoFactor");
        var key = enrolment.QuerySelector("#authenticator-key")!.TextContent;
        var confirm = FormFields.From((IHtmlFormElement)enrolment.QuerySelector("#confirm-form")!);
        var confirmed = await TestApp.ParseAsync(await browser.PostAsync("/Account/TwoFactor?handler=Confirm", confirm.With(("Code", CodeAt(app, key))).ToContent()));
        return (key, confirmed.QuerySelectorAll(".recovery-code").Select(c => c.TextContent).ToList());
    }

    private static string CodeAt(TestApp app, string key) =>
        Totp.Code(Totp.FromBase32(key), Totp.StepAt(app.Clock.GetUtcNow()));

    private static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string field, string code, string? handler = null)
    {
        var form = await TestApp.GetFormAsync(client, "/Account/LoginWith2fa", handler is null ? "#two-factor-form" : "#recovery-form");
        return await client.PostAsync("/Account/LoginWith2fa" + (handler is null ? "" : "?handler=" + handler), form.With((field, code)).ToContent());
    }
}
