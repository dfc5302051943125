using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// Runs a scheduled job now through the host's scheduler, as a manual trigger, and waits until that run has finished: a
/// run of the job's own schedule that happens meanwhile (the <c>scheduled</c> trigger) is not the one waited for.
/// </summary>
internal static class ManualJobRun
{
    public static async Task RunAsync(TestApp app, JobKey job, TriggerKey scheduled, JobDataMap? data = null)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var listener = new OneRun(job, scheduled);
        scheduler.ListenerManager.AddJobListener(listener, []);
        try
        {
            await scheduler.TriggerJob(job, data!);
            await listener.Done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    /// <summary>Completes when the job has run once from a trigger other than its schedule, with the job's exception if it threw.</summary>
    private sealed class OneRun(JobKey job, TriggerKey scheduled) : IJobListener
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name { get; } = "test-" + Guid.NewGuid().ToString("N");

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(job) && !context.Trigger.Key.Equals(scheduled))
            {
                if (jobException is null)
                {
                    Done.TrySetResult();
                }
                else
                {
                    Done.TrySetException(jobException);
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
