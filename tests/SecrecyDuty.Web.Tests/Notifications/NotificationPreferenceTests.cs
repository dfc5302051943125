using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>Issue 12, per-user preferences: each account chooses its kinds and its e-mail, and the reminder job respects them.</summary>
public sealed class NotificationPreferenceTests
{
    [Fact]
    public async Task An_account_sees_every_kind_on_until_it_chooses_and_its_choice_is_saved_for_it_alone()
    {
        using var app = TestApp.Rent();
        await ReminderProvince.CreateAsync(app);
        var client = await app.SignedInAsync("officer");

        var page = await TestApp.GetDocumentAsync(client, "/Notifications/Preferences");
        Assert.Equal(Enum.GetValues<NotificationKind>().Length, page.QuerySelectorAll("#kinds input[type=checkbox]:checked").Length);

        var form = (await TestApp.GetFormAsync(client, "/Notifications/Preferences", "#preferences-form"))
            .Without("Input.Kinds")
            .With(("Input.Kinds", nameof(NotificationKind.OrderOverdue)), ("Input.Email", nameof(EmailDelivery.Digest)), ("Input.Language", "en"));
        var response = await client.PostAsync("/Notifications/Preferences", form.ToContent());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        page = await TestApp.GetDocumentAsync(client, "/Notifications/Preferences");
        Assert.Equal([nameof(NotificationKind.OrderOverdue)], page.QuerySelectorAll("#kinds input:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal(nameof(EmailDelivery.Digest), page.QuerySelector("#Input_Email option[selected]")?.GetAttribute("value"));
        Assert.Equal("en", page.QuerySelector("#Input_Language option[selected]")?.GetAttribute("value"));

        var other = await TestApp.GetDocumentAsync(await app.SignedInAsync("deptofficer"), "/Notifications/Preferences");
        Assert.Equal(Enum.GetValues<NotificationKind>().Length, other.QuerySelectorAll("#kinds input:checked").Length);
    }

    [Fact]
    public async Task A_language_the_page_does_not_offer_is_refused_beside_its_field_and_nothing_is_saved()
    {
        using var app = TestApp.Rent();
        await ReminderProvince.CreateAsync(app);
        var client = await app.SignedInAsync("officer");
        var form = (await TestApp.GetFormAsync(client, "/Notifications/Preferences", "#preferences-form"))
            .Without("Input.Kinds").Without("Input.Language")
            .With(("Input.Kinds", nameof(NotificationKind.OrderOverdue)), ("Input.Language", "fr"));

        var response = await client.PostAsync("/Notifications/Preferences", form.ToContent());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("请选择中文或英文。", page.QuerySelector("[data-valmsg-for='Input.Language']")!.TextContent);
        var saved = await TestApp.GetDocumentAsync(client, "/Notifications/Preferences");
        Assert.Equal(Enum.GetValues<NotificationKind>().Length, saved.QuerySelectorAll("#kinds input:checked").Length);
    }

    [Fact]
    public async Task A_kind_switched_off_is_neither_stored_nor_in_the_digest_and_switched_on_again_it_is_stored_at_the_next_run()
    {
        using var app = TestApp.Rent();
        await ReminderProvince.CreateAsync(app);
        var client = await app.SignedInAsync("officer");
        await SaveKindsAsync(client, NotificationKind.OrderEscalated, NotificationKind.IncidentReportOverdue);
        app.Clock.Advance(ReminderProvince.ToDay);
        client = await app.SignedInAsync("officer");

        await StoreDueAsync(app);
        Assert.Equal([NotificationKind.OrderEscalated, NotificationKind.IncidentReportOverdue], await KindsOfAsync(app, "officer"));
        Assert.Equal([NotificationKind.ProposalFeedbackOverdue], await KindsOfAsync(app, "cadre"));
        var digest = await TestApp.GetDocumentAsync(client, "/Notifications/Digest");
        Assert.Equal(2, digest.QuerySelectorAll("#digest-overdue .digest-item").Length);

        await SaveKindsAsync(client, NotificationKind.OrderEscalated, NotificationKind.IncidentReportOverdue, NotificationKind.ProposalFeedbackOverdue);
        await StoreDueAsync(app);
        Assert.Equal(3, (await KindsOfAsync(app, "officer")).Count);
    }

    /// <summary>Posts the form with these kinds ticked, as a browser sends several ticked boxes of one name.</summary>
    private static async Task SaveKindsAsync(HttpClient client, params NotificationKind[] kinds)
    {
        var form = await TestApp.GetFormAsync(client, "/Notifications/Preferences", "#preferences-form");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form["__RequestVerificationToken"]),
            new("Input.Email", form["Input.Email"]),
            new("Input.Language", form["Input.Language"]),
            new("Version", form["Version"]),
        };
        fields.AddRange(kinds.Select(k => new KeyValuePair<string, string>("Input.Kinds", k.ToString())));
        using var content = new FormUrlEncodedContent(fields);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.PostAsync("/Notifications/Preferences", content)).StatusCode);
    }

    private static Task<ReminderRun> StoreDueAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ReminderService>().StoreDueAsync());

    /// <summary>The kinds stored for the account, in the enum's order.</summary>
    private static Task<List<NotificationKind>> KindsOfAsync(TestApp app, string userName) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var kinds = await (from n in db.Notifications
                               join u in db.Users on n.UserId equals u.Id
                               where u.UserName == userName
                               select n.Kind).ToListAsync();
            return kinds.Order().ToList();
        });
}
