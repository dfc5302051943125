using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// The import jobs of this process, in memory: an import of tens of thousands of rows runs in the
/// background while the page polls its progress (<see cref="ImportJobs"/> is what the page calls). Each job runs in
/// its own DI scope as the account that uploaded the file (<see cref="BackgroundActor"/>), and only that account sees
/// it. Jobs run one at a time (SQLite has one writer, and two imports of the same codes would only fail each other);
/// finished jobs are forgotten after <see cref="Retention"/>.
/// </summary>
public sealed class ImportJobRunner(
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    IStringLocalizer<Messages> l,
    ILogger<ImportJobRunner> logger) : IDisposable
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Starts a job for <paramref name="owner"/> with a request the caller has checked; returns its id.</summary>
    public Guid Start(ICurrentUser owner, ImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(request);
        Purge();
        var actor = new CapturedUser(owner);
        var job = new ImportJob(Guid.NewGuid(), actor.UserId!, request.FileName, request.DryRun, clock.GetUtcNow());
        _jobs[job.Id] = job;
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        // The job outlives the request: it must not carry the request's HttpContext along.
        using (ExecutionContext.SuppressFlow())
        {
            job.Completion = Task.Run(() => RunAsync(job, actor, request, culture));
        }

        return job.Id;
    }

    /// <summary>Starts the real import of <paramref name="owner"/>'s clean dry run, once; null for any other id.</summary>
    public Guid? Commit(ICurrentUser owner, Guid dryRunId)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!_jobs.TryGetValue(dryRunId, out var job) || job.OwnerId != owner.UserId || job.TakeRetainedRequest() is not { } request)
        {
            return null;
        }

        request.DryRun = false;
        return Start(owner, request);
    }

    /// <summary>The job, when <paramref name="ownerId"/> started it; null for any other id.</summary>
    public ImportJobStatus? Find(string ownerId, Guid id)
    {
        Purge();
        return _jobs.TryGetValue(id, out var job) && job.OwnerId == ownerId ? job.Snapshot() : null;
    }

    /// <summary>The jobs <paramref name="ownerId"/> started, newest first.</summary>
    public IReadOnlyList<ImportJobStatus> Recent(string ownerId)
    {
        Purge();
        return [.. _jobs.Values.Where(j => j.OwnerId == ownerId).Select(j => j.Snapshot()).OrderByDescending(s => s.StartedAt)];
    }

    /// <summary>For tests: the task of a job, to wait for it.</summary>
    internal Task? Completion(Guid id) => _jobs.TryGetValue(id, out var job) ? job.Completion : null;

    /// <summary>For tests: the gate that lets one job run at a time, to hold a job in the queue.</summary>
    internal SemaphoreSlim Gate => _oneAtATime;

    public void Dispose() => _oneAtATime.Dispose();

    private async Task RunAsync(ImportJob job, CapturedUser actor, ImportRequest request, (CultureInfo Culture, CultureInfo UiCulture) culture)
    {
        CultureInfo.CurrentCulture = culture.Culture;
        CultureInfo.CurrentUICulture = culture.UiCulture;
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await _oneAtATime.WaitAsync(stopping);
            try
            {
                var watch = Stopwatch.StartNew();
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<BackgroundActor>().ActAs(actor);
                var service = scope.ServiceProvider.GetRequiredService<ImportService>();
                var result = await service.ImportAsync(request, job, stopping);
                if (result.Succeeded)
                {
                    var report = result.Value!;
                    job.Finish(report, request.DryRun && !report.HasErrors ? request : null, clock.GetUtcNow());
                    ImportLog.Finished(logger, actor.UserName, report.FileName, report.DryRun, report.Written, report.Counts.Units, report.Counts.Leaders, report.Counts.Postings, report.Errors.Count, watch.ElapsedMilliseconds);
                }
                else
                {
                    job.Fail([.. result.Errors.Select(e => e.Message)], clock.GetUtcNow());
                }
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (OperationCanceledException)
        {
            job.Fail([l["The import was stopped because the application shut down. Nothing was written."]], clock.GetUtcNow());
        }
#pragma warning disable CA1031 // A background job has no caller to rethrow to: the failure is logged and shown on its page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ImportLog.Failed(logger, ex, actor.UserName, request.FileName);
            job.Fail([l["The import failed unexpectedly and nothing was written. Tell your administrator when it happened."]], clock.GetUtcNow());
        }
    }

    private void Purge()
    {
        var cutoff = clock.GetUtcNow() - Retention;
        foreach (var (id, job) in _jobs)
        {
            if (job.IsDoneBefore(cutoff))
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }

    /// <summary>One job's changing state, behind a lock: the job's thread writes it, requests read snapshots.</summary>
    private sealed class ImportJob(Guid id, string ownerId, string fileName, bool dryRun, DateTimeOffset startedAt) : IProgress<ImportProgress>
    {
        private readonly Lock _lock = new();
        private ImportJobState _state = ImportJobState.Queued;
        private ImportProgress _progress = new(ImportPhase.Waiting, 0, 0);
        private ImportReport? _report;
        private IReadOnlyList<string> _failure = [];
        private ImportRequest? _retained;
        private bool _done;
        private DateTimeOffset _doneAt;

        public Guid Id { get; } = id;

        public string OwnerId { get; } = ownerId;

        public Task? Completion { get; set; }

        public void Report(ImportProgress value)
        {
            lock (_lock)
            {
                _state = ImportJobState.Running;
                _progress = value;
            }
        }

        public void Finish(ImportReport report, ImportRequest? retained, DateTimeOffset at)
        {
            lock (_lock)
            {
                _state = ImportJobState.Finished;
                _progress = new ImportProgress(ImportPhase.Finished, report.Counts.Total, report.Counts.Total);
                _report = report;
                _retained = retained;
                _done = true;
                _doneAt = at;
            }
        }

        public void Fail(IReadOnlyList<string> messages, DateTimeOffset at)
        {
            lock (_lock)
            {
                _state = ImportJobState.Failed;
                _failure = messages;
                _done = true;
                _doneAt = at;
            }
        }

        /// <summary>The checked file of a clean dry run, once: a second "import now" finds nothing.</summary>
        public ImportRequest? TakeRetainedRequest()
        {
            lock (_lock)
            {
                var request = _retained;
                _retained = null;
                return request;
            }
        }

        public bool IsDoneBefore(DateTimeOffset cutoff)
        {
            lock (_lock)
            {
                return _done && _doneAt < cutoff;
            }
        }

        public ImportJobStatus Snapshot()
        {
            lock (_lock)
            {
                return new ImportJobStatus(Id, fileName, dryRun, _state, _progress.Phase, _progress.Processed, _progress.Total, startedAt, _report, _failure, _retained is not null);
            }
        }
    }
}

internal static partial class ImportLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Import of {FileName} by {UserName} (dry run {DryRun}, written {Written}): {Units} units, {Leaders} leaders, {Postings} postings, {Problems} problems, {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string? userName, string fileName, bool dryRun, bool written, int units, int leaders, int postings, int problems, long elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Import of {FileName} by {UserName} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string? userName, string fileName);
}
