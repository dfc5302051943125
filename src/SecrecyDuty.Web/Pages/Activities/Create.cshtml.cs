using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Activities;

/// <summary>
/// Records an activity, with evidence files if chosen. <c>?kind=Briefing&amp;unitId=N</c> preselects (a dashboard's
/// "record the briefing" link). "Show the leadership" posts the form back to list the attendees for the chosen unit
/// and date, so the page works without JavaScript.
/// </summary>
[RequestSizeLimit(ActivityPages.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityPages.MaxUploadRequestBytes)]
public sealed class CreateModel(ActivityService activities, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    /// <summary>The files chosen with the form; their errors show beside the upload field (<c>Input.Evidence</c>).</summary>
    [BindProperty(Name = "Input." + ActivityEvidenceService.Field)]
    public List<IFormFile> Evidence { get; set; } = [];

    public ActivityForm Form { get; private set; } = null!;

    public async Task OnGetAsync(int? unitId, ActivityKind? kind, CancellationToken cancellationToken)
    {
        Form = await activities.NewAsync(unitId, kind, cancellationToken);
        Input = Form.Input;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await activities.CreateAsync(Input, ActivityPages.Uploads(Evidence), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Form = (await activities.FormAsync(Input, activityId: null, cancellationToken))!;
            return Page();
        }

        StatusMessage = l["Activity recorded."].Value;
        return RedirectToPage("Details", new { id = result.Value });
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Form = (await activities.FormAsync(Input, activityId: null, cancellationToken))!;
        return Page();
    }
}
