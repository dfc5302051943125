using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Appraisals;

/// <summary>
/// A leader's appraisal for a year (art. 9): the leader's own section, the secrecy organization's opinion (the secrecy
/// office), the grade, commendation and finalizing (the cadre official).
/// </summary>
public sealed class LeaderModel(AppraisalService appraisals, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public const string DutyReportPrefix = nameof(DutyReport);
    public const string OpinionPrefix = nameof(Opinion);
    public const string DecisionPrefix = nameof(Decision);

    [BindProperty]
    public DutyReportInput DutyReport { get; set; } = new();

    [BindProperty]
    public OrganizationOpinionInput Opinion { get; set; } = new();

    [BindProperty]
    public AppraisalDecisionInput Decision { get; set; } = new();

    public AppraisalDetails Appraisal { get; private set; } = null!;

    /// <summary>The version of the appraisal (0: none yet) the page was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(leaderId, year, cancellationToken))
        {
            // Outside the jurisdiction looks exactly like "no such leader".
            return NotFound();
        }

        Version = Appraisal.Version;
        DutyReport = new DutyReportInput { DutyReportSection = Appraisal.DutyReportSection };
        Opinion = new OrganizationOpinionInput { OrganizationOpinion = Appraisal.OrganizationOpinion };
        Decision = new AppraisalDecisionInput { Grade = Appraisal.Grade, Commendation = Appraisal.Commendation };
        return Page();
    }

    public async Task<IActionResult> OnPostDutyReportAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        var y = year ?? 0;
        var result = await appraisals.SaveDutyReportAsync(leaderId, y, Version, DutyReport, cancellationToken);
        return await AfterAsync(result, leaderId, y, DutyReportPrefix, l["Your duty report section is saved."].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostOpinionAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        var y = year ?? 0;
        var result = await appraisals.SaveOpinionAsync(leaderId, y, Version, Opinion, cancellationToken);
        return await AfterAsync(result, leaderId, y, OpinionPrefix, l["The secrecy organization's opinion is saved."].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecisionAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        var y = year ?? 0;
        var result = await appraisals.SaveDecisionAsync(leaderId, y, Version, Decision, cancellationToken);
        return await AfterAsync(result, leaderId, y, DecisionPrefix, l["The grade and commendation are saved."].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostFinalizeAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        var y = year ?? 0;
        var result = await appraisals.FinalizeAsync(leaderId, y, Version, Decision, cancellationToken);
        return await AfterAsync(result, leaderId, y, DecisionPrefix, l["The appraisal is finalized. It can no longer be changed."].Value, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Result? result, int leaderId, int year, string prefix, string status, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, prefix);
            Conflict = result.Conflict;
            return await LoadAsync(leaderId, year, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = status;
        return RedirectToPage("Leader", new { leaderId, year });
    }

    private async Task<bool> LoadAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        var appraisal = await appraisals.GetAsync(leaderId, year, cancellationToken);
        if (appraisal is null)
        {
            return false;
        }

        Appraisal = appraisal;
        return true;
    }
}
