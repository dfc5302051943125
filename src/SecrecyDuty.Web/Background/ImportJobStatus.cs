using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Web.Background;

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
