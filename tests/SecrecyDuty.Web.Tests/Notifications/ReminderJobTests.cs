using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>
/// Issue 12, "Done when": with the clock set forward, the job run by the scheduler gives the right people the right
/// notifications exactly once, also when it runs twice and across a restart of the scheduler (a second host on the same
/// database, as after a deployment).
/// </summary>
public sealed class ReminderJobTests
{
    [Fact]
    public async Task The_daily_job_notifies_the_right_accounts_exactly_once_across_runs_and_a_restart()
    {
        using var first = TestApp.StartOwn(TestApp.WithScheduler());
        var province = await ReminderProvince.CreateAsync(first);

        // On the first day nothing is due yet.
        await ReminderProvince.RunJobAsync(first);
        Assert.Empty(await ReminderProvince.StoredAsync(first));

        first.Clock.Advance(ReminderProvince.ToDay);
        await ReminderProvince.RunJobAsync(first);
        Assert.Equal(province.Expected, await ReminderProvince.StoredAsync(first));

        await ReminderProvince.RunJobAsync(first);
        Assert.Equal(province.Expected, await ReminderProvince.StoredAsync(first));

        // The scheduler stops; another host starts over the same database and runs the job on the same day.
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Shutdown(true);
        using var second = TestApp.StartOwn(TestApp.WithScheduler(Path.Combine(first.DataDirectory, "secrecyduty.db")));
        second.Clock.Advance(ReminderProvince.ToDay);
        await ReminderProvince.RunJobAsync(second);
        Assert.Equal(province.Expected, await ReminderProvince.StoredAsync(second));
    }
}
