namespace SecrecyDuty.Core.Import;

public enum ImportRunState
{
    Queued,
    Running,
    Finished,
    Failed,
}

/// <summary>
/// One import job, kept in the database so that it survives a restart and any instance can show it (issue 12: the import
/// jobs move onto the scheduler). The uploaded file is kept until the job is done, and after a clean dry run until its
/// "import now" or <see cref="ImportLimits.Retention"/>; the report is kept as JSON. Only the account that started it sees it.
/// </summary>
public sealed class ImportRun
{
    public Guid Id { get; set; }

    public string OwnerId { get; set; } = "";

    public string FileName { get; set; } = "";

    public ImportSheet? CsvSheet { get; set; }

    public bool DryRun { get; set; }

    /// <summary>The uploaded file, while the job needs it; null once done (or once a clean dry run is imported or expired).</summary>
#pragma warning disable CA1819 // The upload's bytes, stored and handed over once.
    public byte[]? Content { get; set; }
#pragma warning restore CA1819

    /// <summary>The uploader's language, in which the job words its report.</summary>
    public string Culture { get; set; } = "";

    public ImportRunState State { get; set; }

    /// <summary>How many times a scheduler started the job: a second start means the first was cut off (a restart).</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The CreatedAtUtc every record of this import is written with: what a run cut off while writing undoes before it
    /// starts again, so that a restart never leaves half a file in the database.
    /// </summary>
    public DateTime? WriteStampUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The report (<see cref="ImportReport"/> as JSON) of a finished job.</summary>
    public string? Report { get; set; }

    /// <summary>Why a failed job failed (messages as JSON), in the uploader's language.</summary>
    public string? Failure { get; set; }

    /// <summary>A clean dry run whose file may be imported for real, once.</summary>
    public bool CanCommit { get; set; }
}
