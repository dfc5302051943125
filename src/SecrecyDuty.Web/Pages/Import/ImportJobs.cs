using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Web.Pages.Import;

public enum ImportJobState
{
    Queued,
    Running,
    Finished,
    Failed,
}

/// <summary>A snapshot of an import job, for the page and its JSON status handler.</summary>
public sealed record ImportJobStatus(
    Guid Id,
    string FileName,
    bool DryRun,
    ImportJobState State,
    ImportPhase Phase,
    int Processed,
    int Total,
    DateTimeOffset StartedAt,
    ImportReport? Report,
    IReadOnlyList<string> Failure,
    bool CanCommit)
{
    public bool Done => State is ImportJobState.Finished or ImportJobState.Failed;

    /// <summary>How far the job is, or null while that cannot be told (reading a file, writing to the database).</summary>
    public int? Percent => State switch
    {
        ImportJobState.Queued => 0,
        ImportJobState.Finished or ImportJobState.Failed => 100,
        _ when Phase == ImportPhase.Checking && Total > 0 => (int)(100L * Processed / Total),
        _ when Phase == ImportPhase.Writing && Processed > 0 && Total > 0 => (int)(100L * Processed / Total),
        _ => null,
    };
}

/// <summary>
/// The import jobs of this process, in memory: an import of tens of thousands of rows runs in the
/// background while the page polls its progress. Each job runs in its own DI scope as the account that
/// uploaded the file, and only that account sees it. Jobs run one at a time (SQLite has one writer, and two
/// imports of the same codes would only fail each other); finished jobs are forgotten after
/// <see cref="Retention"/>.
/// </summary>
public sealed class ImportJobs(
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    IStringLocalizer<Messages> l,
    ILogger<ImportJobs> logger) : IDisposable
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ImportRequestValidator _validator = new(l);

    /// <summary>Checks the upload form and starts the job; the form's problems come back beside its fields.</summary>
    public async Task<Result<Guid>> StartAsync(ICurrentUser user, ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImportAccess.RequireImporter(user);
        var validation = await _validator.ValidateAsync(request, cancellationToken);
        return validation.IsValid ? Result<Guid>.Success(Start(user, request)) : Result<Guid>.Failure(validation);
    }

    /// <summary>Imports for real the file of a dry run that found no problem, without uploading it again.</summary>
    public Guid? Commit(ICurrentUser user, Guid dryRunId)
    {
        ImportAccess.RequireImporter(user);
        if (!_jobs.TryGetValue(dryRunId, out var job) || job.OwnerId != user.UserId || job.TakeRetainedRequest() is not { } request)
        {
            return null;
        }

        request.DryRun = false;
        return Start(user, request);
    }

    /// <summary>The job, when it is the account's own; null for any other id (nothing is revealed).</summary>
    public ImportJobStatus? Find(ICurrentUser user, Guid id)
    {
        ImportAccess.RequireImporter(user);
        Purge();
        return _jobs.TryGetValue(id, out var job) && job.OwnerId == user.UserId ? job.Snapshot() : null;
    }

    /// <summary>The account's jobs, newest first.</summary>
    public IReadOnlyList<ImportJobStatus> Recent(ICurrentUser user)
    {
        ImportAccess.RequireImporter(user);
        Purge();
        return [.. _jobs.Values.Where(j => j.OwnerId == user.UserId).Select(j => j.Snapshot()).OrderByDescending(s => s.StartedAt)];
    }

    /// <summary>For tests: the task of a job, to wait for it.</summary>
    internal Task? Completion(Guid id) => _jobs.TryGetValue(id, out var job) ? job.Completion : null;

    /// <summary>For tests: the gate that lets one job run at a time, to hold a job in the queue.</summary>
    internal SemaphoreSlim Gate => _oneAtATime;

    public void Dispose() => _oneAtATime.Dispose();

    private Guid Start(ICurrentUser user, ImportRequest request)
    {
        Purge();
        var actor = new CapturedUser(user);
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
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<ISecrecyDutyDb>();
                var service = ActivatorUtilities.CreateInstance<ImportService>(services, actor, new Jurisdiction(db, actor));
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

/// <summary>
/// The uploading account as it was when the job started, for the job's own scope (the request, and
/// its HttpContext, are gone by then). Unlike <see cref="FixedCurrentUser"/> it keeps the sign-in name,
/// which the import's audit entry records.
/// </summary>
public sealed class CapturedUser(ICurrentUser source) : ICurrentUser
{
    private readonly string[] _roles = [.. source.Roles];

    public bool IsAuthenticated { get; } = source.IsAuthenticated;

    public string? UserId { get; } = source.UserId;

    public string? UserName { get; } = source.UserName;

    public int? UnitId { get; } = source.UnitId;

    public IReadOnlyCollection<string> Roles => _roles;

    public bool IsInRole(string role) => _roles.Contains(role, StringComparer.Ordinal);
}

internal static partial class ImportLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Import of {FileName} by {UserName} (dry run {DryRun}, written {Written}): {Units} units, {Leaders} leaders, {Postings} postings, {Problems} problems, {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string? userName, string fileName, bool dryRun, bool written, int units, int leaders, int postings, int problems, long elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Import of {FileName} by {UserName} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string? userName, string fileName);
}
