using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Pages.Notifications;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>Issue 12, the notification centre: the bell, the list with read and unread, links to the records, the digest.</summary>
public sealed class NotificationPageTests
{
    [Fact]
    public async Task The_bell_counts_the_unread_notifications_and_the_list_links_each_to_its_record_unread_first()
    {
        using var app = TestApp.Rent();
        var province = await ReminderProvince.CreateAsync(app);
        app.Clock.Advance(ReminderProvince.ToDay);
        await StoreDueAsync(app);
        var client = await app.SignedInAsync("officer");

        var page = await TestApp.GetDocumentAsync(client, "/Notifications");
        Assert.Equal("3", page.QuerySelector("#notification-count")?.TextContent.Trim());
        var links = page.QuerySelectorAll("#notifications a.notification-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/Inspections/Orders/Details/{province.OrderA}", links);
        Assert.Contains($"/Proposals/Details/{province.Proposal}", links);
        Assert.Contains($"/Incidents/Details/{province.OverdueLeak}", links);

        var first = page.QuerySelector("#notifications tbody tr")!;
        var form = await TestApp.GetFormAsync(client, "/Notifications", $"#{first.Id} form.read-form");
        var response = await client.PostAsync($"/Notifications?handler=Read&id={first.Id!["notification-".Length..]}", form.ToContent());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        page = await TestApp.GetDocumentAsync(client, "/Notifications");
        Assert.Equal("2", page.QuerySelector("#notification-count")?.TextContent.Trim());
        var rows = page.QuerySelectorAll("#notifications tbody tr").Select(r => r.GetAttribute("data-read")).ToList();
        Assert.Equal(["false", "false", "true"], rows);

        var unread = await TestApp.GetDocumentAsync(client, "/Notifications?show=Unread");
        Assert.Equal(2, unread.QuerySelectorAll("#notifications tbody tr").Length);
    }

    [Fact]
    public async Task Mark_all_read_empties_the_bell_and_another_accounts_notification_cannot_be_marked()
    {
        using var app = TestApp.Rent();
        await ReminderProvince.CreateAsync(app);
        app.Clock.Advance(ReminderProvince.ToDay);
        await StoreDueAsync(app);
        var othersId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Notifications
            .Where(n => n.UserId == sp.GetRequiredService<AppDbContext>().Users.Single(u => u.UserName == "inspector").Id)
            .Select(n => n.Id).SingleAsync());
        var client = await app.SignedInAsync("officer");

        var form = await TestApp.GetFormAsync(client, "/Notifications", "#read-all-form");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.PostAsync($"/Notifications?handler=Read&id={othersId}", form.ToContent())).StatusCode);
        var response = await client.PostAsync("/Notifications?handler=ReadAll", form.ToContent());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        var page = await TestApp.GetDocumentAsync(client, "/Notifications");
        Assert.Null(page.QuerySelector("#notification-count"));
        Assert.All(page.QuerySelectorAll("#notifications tbody tr"), r => Assert.Equal("true", r.GetAttribute("data-read")));
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Notifications.Where(n => n.Id == othersId).Select(n => n.ReadAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task The_digest_lists_todays_overdue_and_due_soon_items_of_the_account()
    {
        using var app = TestApp.Rent();
        var province = await ReminderProvince.CreateAsync(app);
        app.Clock.Advance(ReminderProvince.ToDay);

        var officer = await TestApp.GetDocumentAsync(await app.SignedInAsync("officer"), "/Notifications/Digest");
        Assert.Equal(3, officer.QuerySelectorAll("#digest-overdue .digest-item").Length);
        Assert.Empty(officer.QuerySelectorAll("#digest-due-soon .digest-item"));

        var health = await TestApp.GetDocumentAsync(await app.SignedInAsync("healthofficer"), "/Notifications/Digest");
        var soon = Assert.Single(health.QuerySelectorAll("#digest-due-soon .digest-item"));
        Assert.Equal(nameof(NotificationKind.OrderDueSoon), soon.GetAttribute("data-kind"));
        Assert.Contains($"/Inspections/Orders/Details/{province.OrderB}", soon.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("整改通知", soon.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_lists_fifty_items_a_section_earliest_first_and_counts_the_rest()
    {
        using var app = TestApp.Rent();
        var province = app.Province()
            .WithUnit("PROV")
            .WithUnit("DEPT", parent: "PROV")
            .WithAccount("deptofficer", Roles.SecrecyOfficer, "DEPT");
        for (var i = 0; i < DigestModel.ShownPerSection + 2; i++)
        {
            province.WithRectificationOrder("DEPT", "PROV", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1).AddDays(i), description: $"问题{i}");
        }

        await province.BuildAsync();

        var digest = await TestApp.GetDocumentAsync(await app.SignedInAsync("deptofficer"), "/Notifications/Digest");
        var overdue = digest.QuerySelector("#digest-overdue")!;
        Assert.Equal($"{DigestModel.ShownPerSection + 2}", overdue.QuerySelector(".badge")!.TextContent.Trim());
        var items = overdue.QuerySelectorAll(".digest-item");
        Assert.Equal(DigestModel.ShownPerSection, items.Length);
        Assert.Contains("2026-10-01", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("另有 2 项未在此列出", overdue.QuerySelector(".digest-more")!.TextContent, StringComparison.Ordinal);
        Assert.Null(digest.QuerySelector("#digest-due-soon .digest-more"));
    }

    private static Task<ReminderRun> StoreDueAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ReminderService>().StoreDueAsync());
}
