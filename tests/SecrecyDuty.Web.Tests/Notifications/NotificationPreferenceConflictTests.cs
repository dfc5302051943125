using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>Issue 14, "No lost updates": one's notification preferences saved from two windows at once (docs/decisions/0020).</summary>
public sealed class NotificationPreferenceConflictTests
{
    private const string Url = "/Notifications/Preferences";

    [Fact]
    public async Task Preferences_saved_from_a_second_window_show_the_first_windows_save_and_saving_again_replaces_them()
    {
        using var app = TestApp.Rent();
        await ReminderProvince.CreateAsync(app);
        var window1 = await app.SignedInAsync("officer");
        var window2 = await app.SignedInAsync("officer");
        var first = await TestApp.GetFormAsync(window1, Url, "#preferences-form");
        var second = await TestApp.GetFormAsync(window2, Url, "#preferences-form");
        Assert.Equal("0", second["Version"]);

        await AssertSavedAsync(await window1.PostAsync(Url, first.With(("Input.Email", nameof(EmailDelivery.Digest))).ToContent()));
        var conflict = await AssertConflictAsync(await window2.PostAsync(Url, second.With(("Input.Language", "en")).ToContent()));

        var page = await TestApp.GetDocumentAsync(window1, Url);
        Assert.Equal((nameof(EmailDelivery.Digest), "zh-CN"), (page.QuerySelector("#Input_Email option[selected]")?.GetAttribute("value"), page.QuerySelector("#Input_Language option[selected]")?.GetAttribute("value") ?? "zh-CN"));
        var fields = Fields(conflict);
        Assert.Equal(("全部每日汇总发送", "紧急事项立即发送，其余每日汇总"), fields["邮件发送方式"]);
        Assert.Equal(("中文", "English"), fields["邮件语言"]);

        await AssertSavedAsync(await window2.PostAsync(Url, Form(conflict, "#preferences-form").ToContent()));
        page = await TestApp.GetDocumentAsync(window1, Url);
        Assert.Equal(("Standard", "en"), (page.QuerySelector("#Input_Email option[selected]")?.GetAttribute("value") ?? "Standard", page.QuerySelector("#Input_Language option[selected]")?.GetAttribute("value")));
    }
}
