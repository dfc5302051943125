using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Activities;

/// <summary>An activity with its attendees and evidence; evidence is uploaded, downloaded and removed here.</summary>
[RequestSizeLimit(ActivityPages.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityPages.MaxUploadRequestBytes)]
public sealed class DetailsModel(ActivityService activities, ActivityEvidenceService evidence, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The prefix of the upload form's field: its errors show beside it (<c>Upload.Evidence</c>).</summary>
    public const string UploadPrefix = "Upload";

    [BindProperty(Name = UploadPrefix + "." + ActivityEvidenceService.Field)]
    public List<IFormFile> Files { get; set; } = [];

    public ActivityDetails Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken);

    /// <summary>Downloads an evidence file as it was uploaded, with the type recognized from its content.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        var file = await evidence.GetAsync(id, fileId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        return EvidenceDownloads.File(Response, file);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        var result = await evidence.AddAsync(id, ActivityPages.Uploads(Files), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, UploadPrefix);
            return await ShowAsync(id, cancellationToken);
        }

        StatusMessage = l["{0} evidence files added.", Files.Count].Value;
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        var name = await evidence.RemoveAsync(id, fileId, cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        StatusMessage = l["Evidence file {0} removed.", name].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await activities.GetAsync(id, cancellationToken);
        if (activity is null)
        {
            // Outside the jurisdiction looks exactly like "no such activity".
            return NotFound();
        }

        Activity = activity;
        return Page();
    }
}
