using System.Globalization;
using FluentValidation;
using Quartz;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// The current account's import jobs, as the import page uses them: queue one, import a checked file for real, read their
/// progress. The job is kept in the database (<see cref="ImportRunService"/>) and run by the scheduler (<see cref="ImportJob"/>),
/// so it survives a restart and any instance may run it.
/// </summary>
public sealed class ImportJobs(
    ImportRunService runs,
    ISchedulerFactory schedulers,
    ImportProgressBoard board,
    ICurrentUser user,
    IValidator<ImportRequest> validator)
{
    /// <summary>Checks the upload form and queues the job; the form's problems come back beside its fields.</summary>
    public async Task<Result<Guid>> StartAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImportAccess.RequireImporter(user);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<Guid>.Failure(validation);
        }

        var id = await runs.QueueAsync(request, CultureInfo.CurrentUICulture.Name, cancellationToken);
        await ScheduleAsync(id, cancellationToken);
        return Result<Guid>.Success(id);
    }

    /// <summary>Imports for real the file of a dry run that found no problem, without uploading it again; null once done or expired.</summary>
    public async Task<Guid?> CommitAsync(Guid dryRunId, CancellationToken cancellationToken = default)
    {
        if (await runs.QueueCommitAsync(dryRunId, CultureInfo.CurrentUICulture.Name, cancellationToken) is not { } id)
        {
            return null;
        }

        await ScheduleAsync(id, cancellationToken);
        return id;
    }

    /// <summary>The job, when it is the account's own; null for any other id (nothing is revealed).</summary>
    public async Task<ImportJobStatus?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await runs.FindAsync(id, cancellationToken) is { } status ? board.WithProgress(status) : null;

    /// <summary>The account's recent jobs, newest first.</summary>
    public async Task<IReadOnlyList<ImportJobStatus>> RecentAsync(CancellationToken cancellationToken = default) =>
        [.. (await runs.RecentAsync(cancellationToken: cancellationToken)).Select(board.WithProgress)];

    /// <summary>A trigger for the one import job, carrying the run: Quartz runs one import at a time, in the cluster.</summary>
    private async Task ScheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"import-{id:N}", "imports")
            .ForJob(ImportJob.Key)
            .UsingJobData(ImportJob.RunKey, id.ToString("N"))
            .StartAt(scheduler.TimeProvider.GetUtcNow()) // "now" as the scheduler counts it, which is what it fires by
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
    }
}
