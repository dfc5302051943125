namespace SecrecyDuty.Core.Import;

/// <summary>An import job as its page shows it: state, progress, and the report once finished.</summary>
public sealed record ImportJobStatus(
    Guid Id,
    string FileName,
    bool DryRun,
    ImportRunState State,
    ImportPhase Phase,
    int Processed,
    int Total,
    DateTimeOffset StartedAt,
    ImportReport? Report,
    IReadOnlyList<string> Failure,
    bool CanCommit)
{
    public bool Done => State is ImportRunState.Finished or ImportRunState.Failed;

    /// <summary>How far the job is, or null while that cannot be told (reading a file, writing to the database).</summary>
    public int? Percent => State switch
    {
        ImportRunState.Queued => 0,
        ImportRunState.Finished or ImportRunState.Failed => 100,
        _ when Phase == ImportPhase.Checking && Total > 0 => (int)(100L * Processed / Total),
        _ when Phase == ImportPhase.Writing && Processed > 0 && Total > 0 => (int)(100L * Processed / Total),
        _ => null,
    };
}
