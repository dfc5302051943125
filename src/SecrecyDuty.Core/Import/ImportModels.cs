namespace SecrecyDuty.Core.Import;

/// <summary>
/// One problem of an import file: the sheet, the row as the spreadsheet numbers it, the column's header,
/// and what to do. A problem with the whole file has no sheet, row or column.
/// </summary>
public sealed record ImportError(ImportSheet? Sheet, string SheetName, int? Row, string Column, string Reason);

/// <summary>Rows of each sheet: read from the file, or written to the database.</summary>
public sealed record ImportCounts(int Units, int Leaders, int Postings)
{
    public int Total => Units + Leaders + Postings;
}

/// <summary>The outcome of an import: nothing is written unless the file has no problem at all and it was not a dry run.</summary>
public sealed record ImportReport(string FileName, bool DryRun, bool Written, ImportCounts Counts, IReadOnlyList<ImportError> Errors, int OmittedProblems = 0)
{
    public bool HasErrors => Errors.Count > 0;

    /// <summary>How many rows have at least one problem.</summary>
    public int BadRows => Errors.Where(e => e.Row is not null).Select(e => (e.Sheet, e.Row)).Distinct().Count();
}

public enum ImportPhase
{
    Waiting,
    Reading,
    Checking,
    Writing,
    Finished,
}

/// <summary>Where a running import stands: rows processed of the rows read (0 while the total is not known).</summary>
public sealed record ImportProgress(ImportPhase Phase, int Processed, int Total);

/// <summary>A file to download.</summary>
public sealed record ImportFile(string FileName, string ContentType, byte[] Content);
