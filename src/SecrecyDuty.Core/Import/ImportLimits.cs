namespace SecrecyDuty.Core.Import;

/// <summary>
/// What one import may cost (issue 14, finding 4: one workbook of a million rows, or one cell of 300 MB, could stop the
/// whole app). Every limit is checked while the file is read, before it grows in memory, and a file over one is refused
/// with the reason; the write goes in batches so that other users keep working (configuration: <c>Import:*</c>).
/// </summary>
public sealed record ImportLimits
{
    public const string Section = "Import";

    public const int FileNameMaxLength = 260;

    /// <summary>Data rows of all sheets together: far above a province's units, leaders and postings in one file.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>No column of the template holds more (the longest, a unit's name, is 200 characters in the database).</summary>
    public int MaxCellLength { get; init; } = 1_000;

    /// <summary>
    /// The parts of an XLSX workbook unpacked, together: a workbook is a ZIP file, and a small one can unpack to gigabytes.
    /// 100,000 rows of the template take about 40 MB unpacked.
    /// </summary>
    public long MaxUnpackedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Records per transaction when writing: each holds the database's write lock only briefly.</summary>
    public int WriteBatchSize { get; init; } = 2_000;

    /// <summary>The problems a report keeps: the first ones say what is wrong with a file; the count says how much.</summary>
    public int MaxReportedProblems { get; init; } = 10_000;

    /// <summary>How long a finished job (its report, or the file of a clean dry run) is kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);
}
