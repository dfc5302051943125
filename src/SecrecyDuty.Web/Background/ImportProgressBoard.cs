using System.Collections.Concurrent;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// The progress of the import jobs running in this process, for the page's progress bar. Progress changes hundreds of times
/// a second and is worth nothing after the job: it stays in memory, while the job's state and report are in the database
/// (<see cref="ImportRun"/>). A page served by another instance shows the job's state without the count.
/// </summary>
public sealed class ImportProgressBoard
{
    private readonly ConcurrentDictionary<Guid, ImportProgress> _running = new();

    public IProgress<ImportProgress> Track(Guid runId) => new Entry(this, runId);

    public void Forget(Guid runId) => _running.TryRemove(runId, out _);

    /// <summary>The job's state with this process's progress, when it runs here.</summary>
    public ImportJobStatus WithProgress(ImportJobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State == ImportRunState.Running && _running.TryGetValue(status.Id, out var progress)
            ? status with { Phase = progress.Phase, Processed = progress.Processed, Total = progress.Total }
            : status;
    }

    private sealed class Entry(ImportProgressBoard board, Guid runId) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => board._running[runId] = value;
    }
}
