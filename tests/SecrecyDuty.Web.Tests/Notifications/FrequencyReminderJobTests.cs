using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>
/// Issue 12, the schedules that come from the catalogue's frequency rules, through the job the scheduler runs: a unit whose
/// principal leader has heard no briefing this half-year (P5.3), whose leader in charge of secrecy work has held no member
/// meeting this year (S6.5), whose leaders' checklists of the year are open (art. 9), and whose secrecy cadre was never
/// trained (P5.2). On the test clock's first day (2026-11-27, 34 days before the year's end) only the training is due; five
/// days later everything is, for the right accounts, exactly once across runs and a restart.
/// </summary>
public sealed class FrequencyReminderJobTests
{
    [Fact]
    public async Task The_frequency_rules_notify_the_leaders_and_the_office_that_answer_for_them_exactly_once()
    {
        using var first = TestApp.StartOwn(TestApp.WithScheduler());
        var p = await FrequencyProvince.BuildAsync(first);
        var cadre = await first.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyCadres.Select(c => c.Id).SingleAsync());

        // 34 days before the year's end nothing of the year is due soon; the cadre never trained is due.
        await ReminderProvince.RunJobAsync(first);
        Assert.Equal([("unitofficer", NotificationKind.CadreTrainingDue)], await KindsAsync(first));

        first.Clock.Advance(TimeSpan.FromDays(5));
        await ReminderProvince.RunJobAsync(first);
        await ReminderProvince.RunJobAsync(first);
        var checklists = await first.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyChecklists
            .Where(c => c.Year == 2026).Select(c => new { c.Posting!.Leader!.Name, c.Id }).ToDictionaryAsync(c => c.Name, c => c.Id));
        (string, NotificationKind, int)[] expected =
        [
            ("li", NotificationKind.ChecklistNotSubmitted, checklists["李部长"]),
            ("li", NotificationKind.MemberMeetingsDueSoon, p.Unit("UNIT")),
            ("unitofficer", NotificationKind.CadreTrainingDue, cadre),
            ("wang", NotificationKind.BriefingDueSoon, p.Unit("UNIT")),
            ("wang", NotificationKind.ChecklistNotSubmitted, checklists["王书记"]),
        ];
        Assert.Equal(expected, await ReminderProvince.StoredAsync(first));

        // The scheduler stops; another host over the same database runs the job on the same day: nothing is added.
        await (await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Shutdown(true);
        using var second = TestApp.StartOwn(TestApp.WithScheduler(Path.Combine(first.DataDirectory, "secrecyduty.db")));
        second.Clock.Advance(TimeSpan.FromDays(5));
        await ReminderProvince.RunJobAsync(second);
        Assert.Equal(expected, await ReminderProvince.StoredAsync(second));
    }

    private static async Task<List<(string, NotificationKind)>> KindsAsync(TestApp app) =>
        [.. (await ReminderProvince.StoredAsync(app)).Select(n => (n.User, n.Kind))];
}
