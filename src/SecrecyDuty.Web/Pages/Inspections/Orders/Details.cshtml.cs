using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;
using SecrecyDuty.Web.Pages.Activities;

namespace SecrecyDuty.Web.Pages.Inspections.Orders;

/// <summary>A rectification order: the unit reports what it did; the inspector verifies it or sends it back.</summary>
[RequestSizeLimit(ActivityPages.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityPages.MaxUploadRequestBytes)]
public sealed class DetailsModel(RectificationService orders, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    public OrderDetails Order { get; private set; } = null!;

    /// <summary>The version of the order the page was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [BindProperty]
    public RectificationNoteInput Report { get; set; } = new();

    [BindProperty]
    public RectificationNoteInput Review { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Order.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(int id, List<IFormFile> evidence, CancellationToken cancellationToken)
    {
        var uploads = evidence.Select(f => new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream())).ToList();
        try
        {
            var result = await orders.ReportAsync(id, Version, Report, uploads, cancellationToken);
            return await AfterAsync(id, result, nameof(Report), l["Rectification reported: the inspector will verify it."], cancellationToken);
        }
        finally
        {
            foreach (var upload in uploads)
            {
                await upload.Content.DisposeAsync();
            }
        }
    }

    public async Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await orders.VerifyAsync(id, Version, cancellationToken), nameof(Review), l["Rectification verified: the order is closed."], cancellationToken);

    public async Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await orders.SendBackAsync(id, Version, Review, cancellationToken), nameof(Review), l["Sent back to the unit."], cancellationToken);

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        var file = await orders.DownloadAsync(id, fileId, cancellationToken);
        return file is null ? NotFound() : EvidenceDownloads.File(Response, file);
    }

    private async Task<IActionResult> AfterAsync(int id, Result? result, string prefix, string done, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Field switch
                {
                    "" => "",
                    RectificationService.EvidenceField => "Evidence",
                    _ => $"{prefix}.{error.Field}",
                };
                ModelState.AddModelError(key, error.Message);
            }

            Conflict = result.Conflict;

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = done;
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(id, cancellationToken);
        if (order is null)
        {
            return false;
        }

        Order = order;
        return true;
    }
}
