using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// The scheduled judgement of the province (docs/decisions/0022): after midnight every row of the dashboard's years is
/// judged anew, so that the day's first request finds them fresh, and whatever changed a row outside the app is put right.
/// </summary>
public sealed class ComplianceRefreshJobTests
{
    private static Task<List<UnitYearCompliance>> StoredAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitYearCompliances.AsNoTracking().OrderBy(r => r.Year).ThenBy(r => r.UnitId).ToListAsync());

    private static Task RunAsync(TestApp app, bool everyRow) =>
        ManualJobRun.RunAsync(app, ComplianceRefreshJob.Key, Background.Scheduler.NightlyCompliance, new JobDataMap { [ComplianceRefreshJob.EveryRowKey] = everyRow });

    [Fact]
    public async Task After_midnight_the_job_judges_every_row_of_the_dashboards_years_and_puts_right_a_row_changed_outside_the_app()
    {
        using var app = TestApp.StartOwn(TestApp.WithScheduler());
        var p = await ComplianceTestData.BuildAsync(app);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Equal("0 5 0 * * ?", Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(Background.Scheduler.NightlyCompliance)).CronExpressionString);

        // The scheduler keeps real time, the app the test's clock: the nightly trigger may find itself late and fire at once.
        // Paused, so that the runs below are the test's own.
        await scheduler.PauseTrigger(Background.Scheduler.NightlyCompliance);

        await RunAsync(app, everyRow: true);
        var judged = await StoredAsync(app);

        // Five units (P-X was deactivated without a closing date) in each of the five years, judged for today.
        Assert.Equal([2022, 2023, 2024, 2025, 2026], judged.Select(r => r.Year).Distinct());
        Assert.Equal(25, judged.Count);
        Assert.All(judged, r => Assert.Equal(ComplianceTestData.Today, r.JudgedFor));
        Assert.DoesNotContain(judged, r => r.UnitId == p.Closed);

        // A row of a settled year changed by hand stays until the nightly run judges every row anew.
        await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitYearCompliances
            .Where(r => r.UnitId == p.City && r.Year == 2025)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsCompliant, r => !r.IsCompliant).SetProperty(r => r.JudgedFor, new DateOnly(2026, 1, 1))));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync(app, everyRow: false);
        var tampered = (await StoredAsync(app)).Single(r => r.UnitId == p.City && r.Year == 2025);
        Assert.NotEqual(judged.Single(r => r.UnitId == p.City && r.Year == 2025).IsCompliant, tampered.IsCompliant);

        await RunAsync(app, everyRow: true);
        var next = await StoredAsync(app);
        Assert.Equal(Stored(judged), Stored(next));
        Assert.All(next, r => Assert.Equal(ComplianceTestData.Today.AddDays(1), r.JudgedFor));
    }

    private static List<string> Stored(IEnumerable<UnitYearCompliance> rows) =>
        [.. rows.Select(r => $"{r.UnitId} {r.Year} {r.TreeKey} {r.IsCompliant} {r.Briefings} {r.BriefingPractice} {r.MemberMeetings} {r.SecrecyOrganization} {r.RuleRegister} {r.Education} {r.Checklists} {r.RectificationOrders} {r.BriefingCount} {r.MemberMeetingCount} {r.TrainingCount}")];
}
