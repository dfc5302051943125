using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Import;

/// <summary>An uploaded file to import (or only to check, when <see cref="DryRun"/>).</summary>
public sealed class ImportRequest
{
    public string FileName { get; set; } = "";

#pragma warning disable CA1819 // The upload's bytes, handed over once; a copy would double the memory of a large file.
    public byte[] Content { get; set; } = [];
#pragma warning restore CA1819

    /// <summary>What a CSV file holds (one sheet per CSV file); a workbook names its sheets itself.</summary>
    public ImportSheet? CsvSheet { get; set; }

    /// <summary>Check every row and write nothing. On by default: a real import is a deliberate choice.</summary>
    public bool DryRun { get; set; } = true;

    /// <summary>The job this request runs in, whose id the import's audit entry carries (null outside a job).</summary>
    public Guid? RunId { get; set; }

    /// <summary>
    /// The creation time every written record carries, unique to the job, so that a job cut off part-way can be undone
    /// (<see cref="ImportService.UndoAsync(DateTime, Guid, CancellationToken)"/>); the clock's time when null.
    /// </summary>
    public DateTime? WriteStampUtc { get; set; }

    /// <summary>By the file name's extension; null for any other file.</summary>
    public ImportFileFormat? Format =>
        Path.GetExtension(FileName).ToUpperInvariant() switch
        {
            ".XLSX" => ImportFileFormat.Xlsx,
            ".CSV" => ImportFileFormat.Csv,
            _ => null,
        };
}

public sealed class ImportRequestValidator : AbstractValidator<ImportRequest>
{
    /// <summary>Far above tens of thousands of rows (60,000 rows of the template are about 4 MB as XLSX).</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    /// <summary>The upload field the file-name and content messages belong beside.</summary>
    public const string FileField = "File";

    public ImportRequestValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.FileName)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Choose the file to import."])
            .Must((request, _) => request.Format is not null).WithMessage(l["Choose an XLSX or CSV file."])
            .OverridePropertyName(FileField);
        RuleFor(x => x.Content.Length)
            .Cascade(CascadeMode.Stop)
            .GreaterThan(0).WithMessage(l["The file is empty. Choose the filled-in template."])
            .LessThanOrEqualTo(MaxBytes).WithMessage(l["The file is larger than 50 MB. Split it into smaller files."])
            .OverridePropertyName(FileField)
            .When(x => x.Format is not null);
        RuleFor(x => x.CsvSheet)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(l["Choose what the CSV file holds: units, leaders or postings."])
            .IsInEnum().WithMessage(l["Choose what the CSV file holds: units, leaders or postings."])
            .When(x => x.Format == ImportFileFormat.Csv);
    }
}
