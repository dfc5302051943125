using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Import;

/// <summary>The upload form as posted.</summary>
public sealed class ImportForm
{
    public IFormFile? File { get; set; }

    public ImportSheet? CsvSheet { get; set; }

    public bool DryRun { get; set; } = true;

    public async Task<ImportRequest> ToRequestAsync(CancellationToken cancellationToken)
    {
        var request = new ImportRequest { FileName = Path.GetFileName(File?.FileName ?? ""), CsvSheet = CsvSheet, DryRun = DryRun };
        if (File is { Length: > 0 and <= ImportRequestValidator.MaxBytes })
        {
            using var content = new MemoryStream((int)File.Length);
            await File.CopyToAsync(content, cancellationToken);
            request.Content = content.ToArray();
        }
        else if (File is { Length: > ImportRequestValidator.MaxBytes })
        {
            // Not read into memory: only its size is needed to refuse it.
            request.Content = new byte[ImportRequestValidator.MaxBytes + 1];
        }

        return request;
    }
}

/// <summary>
/// Import of units, leaders and postings: template downloads, the upload form, and the progress and report
/// of the account's import jobs (issue 3, "Master data", Import).
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class IndexModel(ImportJobs jobs, ImportService imports, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public const int ErrorsPerPage = 100;

    // The largest file accepted, plus room for the form's other fields.
    private const int RequestLimit = ImportRequestValidator.MaxBytes + (1024 * 1024);

    [BindProperty]
    public ImportForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public ImportJobStatus? Job { get; private set; }

    public IReadOnlyList<ImportJobStatus> Recent { get; private set; } = [];

    public PagedList<ImportError>? Errors { get; private set; }

    public PagerModel? Pager => Errors is null || Job is null
        ? null
        : new ListQuery(Url, PageNumber, new { id = Job.Id }).Pager(Errors);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Recent = await jobs.RecentAsync(cancellationToken);
        if (Id is not { } id)
        {
            return Page();
        }

        Job = await jobs.FindAsync(id, cancellationToken);
        if (Job is null)
        {
            return NotFound();
        }

        if (Job.Report is { HasErrors: true } report)
        {
            var (page, size) = Paging.Normalize(PageNumber, ErrorsPerPage);
            Errors = new PagedList<ImportError>([.. report.Errors.Skip((page - 1) * size).Take(size)], page, size, report.Errors.Count);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = await Input.ToRequestAsync(cancellationToken);
        var result = await jobs.StartAsync(request, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Recent = await jobs.RecentAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("Index", new { id = result.Value });
    }

    /// <summary>"Import now" after a dry run without problems: the checked file is imported for real.</summary>
    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await jobs.CommitAsync(id, cancellationToken) is not { } started)
        {
            StatusMessage = l["This check has expired or was imported already. Upload the file again."].Value;
            return RedirectToPage("Index");
        }

        return RedirectToPage("Index", new { id = started });
    }

    /// <summary>The job's progress, polled by the page twice a second.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        return new JsonResult(new
        {
            state = job.State.ToString(),
            phase = job.Phase.ToString(),
            phaseText = PhaseText(job),
            processed = job.Processed,
            total = job.Total,
            percent = job.Percent,
            done = job.Done,
        });
    }

    /// <summary>The whole report as CSV, every problem of every row.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, cancellationToken) is not { Report: { } report })
        {
            return NotFound();
        }

        ExportColumn<ImportError>[] columns =
        [
            new(l["Sheet"], e => e.SheetName),
            new(l["Row"], e => e.Row),
            new(l["Column"], e => e.Column),
            new(l["Problem"], e => e.Reason),
        ];
        return TableExport.ToFile(ExportFormat.Csv, Path.GetFileNameWithoutExtension(report.FileName) + "-" + l["problems"].Value, columns, report.Errors);
    }

    public IActionResult OnGetTemplate(string? format, ImportSheet sheet = ImportSheet.Units)
    {
        var file = imports.Template(string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? ImportFileFormat.Csv : ImportFileFormat.Xlsx, sheet);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public string PhaseText(ImportJobStatus job) => job.State switch
    {
        ImportRunState.Queued => l["Waiting for another import to finish…"],
        ImportRunState.Failed => l["Failed"],
        ImportRunState.Finished => l["Finished"],
        _ => job.Phase switch
        {
            ImportPhase.Reading => job.Processed > 0 ? l["Reading the file: {0} rows…", job.Processed] : l["Reading the file…"],
            ImportPhase.Checking => l["Checking rows: {0} of {1}…", job.Processed, job.Total],
            ImportPhase.Writing when job.Processed > 0 => l["Writing to the database: {0} of {1} records…", job.Processed, job.Total],
            ImportPhase.Writing => l["Writing {0} records to the database…", job.Total],
            ImportPhase.Finished => l["Finished"],
            _ => l["Waiting for another import to finish…"],
        },
    };
}
