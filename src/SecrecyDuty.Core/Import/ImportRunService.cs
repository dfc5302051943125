using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Import;

/// <summary>
/// The import jobs kept in the database (<see cref="ImportRun"/>): the page queues them and reads them, for the current
/// account only; the scheduler's job, acting as the account that uploaded the file, starts and ends them.
/// </summary>
public sealed class ImportRunService(ISecrecyDutyDb db, ICurrentUser user, TimeProvider clock, ImportLimits limits)
{
    // Chinese as characters, not escapes: the reports are read by people looking into the database too.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Keeps the checked request as a queued job of the current account; returns its id. Old jobs are cleared first.</summary>
    public async Task<Guid> QueueAsync(ImportRequest request, string culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImportAccess.RequireImporter(user);
        await PurgeAsync(cancellationToken);
        var run = NewRun(request.FileName, request.CsvSheet, request.DryRun, request.Content, culture);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>
    /// Queues the real import of the account's clean dry run <paramref name="dryRunId"/>, once: the dry run hands its file
    /// over in the same save, so a second "import now" (or a second instance) finds nothing. Null for any other id.
    /// </summary>
    public async Task<Guid?> QueueCommitAsync(Guid dryRunId, string culture, CancellationToken cancellationToken = default)
    {
        ImportAccess.RequireImporter(user);
        // Taken by one conditional update: of two clicks (or two instances) only one sees a row change.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.ImportRuns
            .Where(r => r.Id == dryRunId && r.OwnerId == user.UserId && r.CanCommit && r.Content != null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CanCommit, false), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        var dryRun = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Id == dryRunId)
            .Select(r => new { r.FileName, r.CsvSheet, r.Content })
            .SingleAsync(cancellationToken);
        var run = NewRun(dryRun.FileName, dryRun.CsvSheet, dryRun: false, dryRun.Content!, culture);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await db.ImportRuns.Where(r => r.Id == dryRunId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Content, (byte[]?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>The account's job, or null for any other id (nothing is revealed).</summary>
    public async Task<ImportJobStatus?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        ImportAccess.RequireImporter(user);
        var run = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Id == id && r.OwnerId == user.UserId)
            .Select(r => new { r.Id, r.FileName, r.DryRun, r.State, r.CreatedAtUtc, r.Report, r.Failure, r.CanCommit })
            .SingleOrDefaultAsync(cancellationToken);
        return run is null
            ? null
            : Status(run.Id, run.FileName, run.DryRun, run.State, run.CreatedAtUtc, run.CanCommit,
                run.Report is null ? null : JsonSerializer.Deserialize<ImportReport>(run.Report, Json),
                run.Failure is null ? [] : JsonSerializer.Deserialize<string[]>(run.Failure, Json) ?? []);
    }

    /// <summary>The account's recent jobs, newest first, without their reports.</summary>
    public async Task<IReadOnlyList<ImportJobStatus>> RecentAsync(int count = 20, CancellationToken cancellationToken = default)
    {
        ImportAccess.RequireImporter(user);
        var runs = await db.ImportRuns.AsNoTracking()
            .Where(r => r.OwnerId == user.UserId)
            .OrderByDescending(r => r.CreatedAtUtc)
            .Take(count)
            .Select(r => new { r.Id, r.FileName, r.DryRun, r.State, r.CreatedAtUtc, r.CanCommit })
            .ToListAsync(cancellationToken);
        return [.. runs.Select(r => Status(r.Id, r.FileName, r.DryRun, r.State, r.CreatedAtUtc, r.CanCommit, null, []))];
    }

    /// <summary>
    /// For the scheduler's job, acting as the uploader: marks the job running and returns it with its file, or null when
    /// there is nothing to run (another account's, gone, or done). A job found running already was cut off by a restart.
    /// </summary>
    public async Task<ImportRun?> StartAsync(Guid id, CancellationToken cancellationToken = default)
    {
        ImportAccess.RequireImporter(user);
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == id && r.OwnerId == user.UserId, cancellationToken);
        if (run is null || run.State is ImportRunState.Finished or ImportRunState.Failed || run.Content is null)
        {
            return null;
        }

        run.State = ImportRunState.Running;
        run.Attempts++;
        if (!run.DryRun && run.WriteStampUtc is null)
        {
            run.WriteStampUtc = await UniqueStampAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Ends the job with its report; the file is kept only for the "import now" of a clean dry run.</summary>
    public async Task FinishAsync(Guid id, ImportReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var canCommit = report.DryRun && !report.HasErrors;
        await db.ImportRuns.Where(r => r.Id == id && r.OwnerId == user.UserId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.State, ImportRunState.Finished)
            .SetProperty(r => r.Report, JsonSerializer.Serialize(report, Json))
            .SetProperty(r => r.CanCommit, canCommit)
            .SetProperty(r => r.Content, r => canCommit ? r.Content : null)
            .SetProperty(r => r.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>Ends the job as failed, with what to tell its owner; the file is dropped.</summary>
    public async Task FailAsync(Guid id, IReadOnlyList<string> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await db.ImportRuns.Where(r => r.Id == id && r.OwnerId == user.UserId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.State, ImportRunState.Failed)
            .SetProperty(r => r.Failure, JsonSerializer.Serialize(messages, Json))
            .SetProperty(r => r.CanCommit, false)
            .SetProperty(r => r.Content, (byte[]?)null)
            .SetProperty(r => r.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private ImportRun NewRun(string fileName, ImportSheet? csvSheet, bool dryRun, byte[] content, string culture) => new()
    {
        Id = Guid.NewGuid(),
        OwnerId = user.UserId!,
        FileName = fileName,
        CsvSheet = csvSheet,
        DryRun = dryRun,
        Content = content,
        Culture = culture,
        State = ImportRunState.Queued,
        CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>
    /// The creation time of the job's records: the clock's time to the millisecond plus a number of 100-ns ticks no other
    /// job used, so that what it writes can be told from anything else written in the same millisecond.
    /// </summary>
    private async Task<DateTime> UniqueStampAsync(CancellationToken cancellationToken)
    {
        var stamp = WriteStamp(clock);
        var millisecond = stamp.AddTicks(-(stamp.Ticks % TimeSpan.TicksPerMillisecond));
        var taken = await db.ImportRuns.Where(r => r.WriteStampUtc >= millisecond && r.WriteStampUtc < millisecond.AddMilliseconds(1))
            .Select(r => r.WriteStampUtc!.Value)
            .ToListAsync(cancellationToken);
        while (taken.Contains(stamp))
        {
            stamp = stamp.AddTicks(1);
        }

        return stamp;
    }

    /// <summary>
    /// A creation time for an import's records: the clock's millisecond plus a random number of 100-ns ticks, which nothing
    /// else writes (other records carry the clock's time, whole milliseconds or the system clock's own ticks).
    /// </summary>
    public static DateTime WriteStamp(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond) + 1 + Random.Shared.Next((int)(TimeSpan.TicksPerMillisecond / 2)), DateTimeKind.Utc);
    }

    /// <summary>Jobs done longer than the retention ago go, with their files and reports.</summary>
    private Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - limits.Retention;
        return db.ImportRuns.Where(r => r.CreatedAtUtc < cutoff && (r.State == ImportRunState.Finished || r.State == ImportRunState.Failed))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static ImportJobStatus Status(Guid id, string fileName, bool dryRun, ImportRunState state, DateTime createdAtUtc, bool canCommit, ImportReport? report, IReadOnlyList<string> failure) =>
        new(id, fileName, dryRun, state,
            state switch { ImportRunState.Finished or ImportRunState.Failed => ImportPhase.Finished, _ => ImportPhase.Waiting },
            report?.Counts.Total ?? 0, report?.Counts.Total ?? 0,
            new DateTimeOffset(DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc)), report, failure, canCommit);
}
