using Quartz;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// The daily reminder run (issue 12): first creates the records the year asks for (the year's checklists, the closed
/// year's appraisal records: <see cref="AnnualRecordsService"/>), so that what is due exists before it is announced, then
/// stores today's due-soon and overdue notifications (<see cref="ReminderService"/>).
/// Quartz decides when it runs, on one instance of the cluster at a time; the run itself is safe to repeat, since each
/// notification is stored once (a unique key), so a run twice, a manual run or a run after a restart adds nothing twice.
/// It acts for no account: what it writes is not audited, and it reads every unit to find who is to be told.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ReminderJob(IServiceScopeFactory scopes, EmailSettings email, ILogger<ReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminders", "secrecyduty");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<AnnualRecordsService>().CreateDueAsync(cancellationToken);
        RecordsCreated(logger, records.Today, records.Checklists, records.Appraisals);
        var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().StoreDueAsync(cancellationToken);
        RunCompleted(logger, run.Today, run.Due, run.Stored);

        // E-mail goes out in a job of its own, so that a slow or failing SMTP server never holds up the reminders.
        if (email.Enabled)
        {
            await context.Scheduler.TriggerJob(EmailJob.Key, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Annual records for {Today}: {Checklists} checklists and {Appraisals} appraisal records created")]
    private static partial void RecordsCreated(ILogger logger, DateOnly today, int checklists, int appraisals);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for {Today}: {Due} due, {Stored} stored")]
    private static partial void RunCompleted(ILogger logger, DateOnly today, int due, int stored);
}
