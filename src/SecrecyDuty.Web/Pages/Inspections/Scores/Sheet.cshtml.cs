using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;
using SecrecyDuty.Web.Pages.Activities;

namespace SecrecyDuty.Web.Pages.Inspections.Scores;

/// <summary>
/// The score sheet of an inspection (issue 8): defects per item of the checklist template, the score and grade, the
/// deductions turned into findings with one click; for a self-inspection, the unit's submission and the superior's review.
/// </summary>
[RequestSizeLimit(ActivityPages.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityPages.MaxUploadRequestBytes)]
public sealed class SheetModel(ScoreSheetService sheets, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    public ScoreSheetView Sheet { get; private set; } = null!;

    /// <summary>The version of the score sheet the page was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [BindProperty]
    public ScoreSheetInput Input { get; set; } = new();

    [BindProperty]
    public ScoreReviewInput Review { get; set; } = new();

    [BindProperty]
    public int TemplateId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, fromStored: true, cancellationToken))
        {
            return NotFound();
        }

        Version = Sheet.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await sheets.StartAsync(id, TemplateId, cancellationToken), "", l["Score sheet started: record the defects found on each item."], cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await sheets.SaveAsync(id, Version, Input, cancellationToken), nameof(Input), l["Score saved."], cancellationToken);

    public async Task<IActionResult> OnPostDraftFindingsAsync(int id, CancellationToken cancellationToken)
    {
        var result = await sheets.DraftFindingsAsync(id, Version, cancellationToken);
        if (result is { Succeeded: true })
        {
            StatusMessage = l["{0} finding(s) drafted from the deductions: check the responsible postings and the consequences on each.", result.Value];
            return RedirectToPage("/Inspections/Details", new { id });
        }

        return await AfterAsync(id, result, "", "", cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, List<IFormFile> evidence, CancellationToken cancellationToken)
    {
        var uploads = evidence.Select(f => new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream())).ToList();
        try
        {
            return await AfterAsync(id, await sheets.SubmitAsync(id, Version, uploads, cancellationToken), "", l["Self-assessment submitted to the superior secrecy office."], cancellationToken);
        }
        finally
        {
            foreach (var upload in uploads)
            {
                await upload.Content.DisposeAsync();
            }
        }
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await sheets.ReviewAsync(id, Version, Review, cancellationToken), nameof(Review), l["Self-assessment reviewed."], cancellationToken);

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        var file = await sheets.DownloadAsync(id, fileId, cancellationToken);
        return file is null ? NotFound() : EvidenceDownloads.File(Response, file);
    }

    /// <summary>The form's entry for an item: what was posted when the page shows errors, otherwise what is stored.</summary>
    public ScoreEntryInput EntryFor(string code) =>
        Input.Entries.Find(e => e.ItemCode == code) ?? new ScoreEntryInput { ItemCode = code };

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
                    ScoreSheetService.EvidenceField => "Evidence",
                    _ when prefix.Length == 0 => error.Field,
                    _ => $"{prefix}.{error.Field}",
                };
                ModelState.AddModelError(key, error.Message);
            }

            Conflict = result.Conflict;

            return await LoadAsync(id, fromStored: prefix != nameof(Input), cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = done;
        return RedirectToPage("Sheet", new { id });
    }

    private async Task<bool> LoadAsync(int id, bool fromStored, CancellationToken cancellationToken)
    {
        var sheet = await sheets.GetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return false;
        }

        Sheet = sheet;
        if (fromStored && sheet.Definition is not null)
        {
            Input = new ScoreSheetInput
            {
                Entries = [.. sheet.Definition.Items.Select(item => sheet.Entries.TryGetValue(item.Code, out var e)
                    ? new ScoreEntryInput { ItemCode = item.Code, Defects = e.Defects, Occurrences = e.Occurrences, NotApplicable = e.NotApplicable, NotApplicableReason = e.NotApplicableReason, Note = e.Note }
                    : new ScoreEntryInput { ItemCode = item.Code })],
            };
        }

        TemplateId = TemplateId == 0 && sheet.Templates.Count > 0 ? sheet.Templates[0].Id : TemplateId;
        return true;
    }
}
