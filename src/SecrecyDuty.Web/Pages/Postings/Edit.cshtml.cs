using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Postings;

/// <summary>Corrects a posting, or ends it. A posting is never deleted: records refer to the posting that held at the time.</summary>
public sealed class EditModel(PostingService postings, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public PostingInput Input { get; set; } = new();

    [BindProperty]
    public EndPostingInput EndInput { get; set; } = new();

    public PostingEditForm Form { get; private set; } = null!;

    /// <summary>The version of the posting the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = Form.Input;
        Version = Form.Version;
        EndInput.To = Form.IsOpen ? Form.Today : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await postings.UpdateAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return await RedisplayAsync(id, cancellationToken);
        }

        StatusMessage = l["Posting saved."].Value;
        return RedirectToPage("/Leaders/Details", new { id = result.Value });
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken cancellationToken)
    {
        var result = await postings.EndAsync(id, Version, EndInput, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, nameof(EndInput));
            Conflict = result.Conflict;
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Input = Form.Input;
            return Page();
        }

        StatusMessage = l["Posting ended."].Value;
        return RedirectToPage("/Leaders/Details", new { id = result.Value });
    }

    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, Input.UnitId))
        {
            return NotFound();
        }

        EndInput.To ??= Form.IsOpen ? Form.Today : null;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, int? chosenUnitId = null)
    {
        var form = await postings.GetForEditAsync(id, chosenUnitId, cancellationToken);
        if (form is null)
        {
            return false;
        }

        Form = form;
        return true;
    }
}
