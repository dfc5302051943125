using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>A leader's duty checklist of a year (<c>/Checklists/Posting/{postingId}?year=</c>, arts. 4–7 and 9).</summary>
public sealed class ChecklistPage(IPage page) : AppPage(page)
{
    /// <summary>The checklist's badge, with its <c>data-status</c> (a <c>ChecklistStatus</c> value).</summary>
    public ILocator Status => Page.Locator("#checklist-status");

    public ILocator Items => Page.Locator(".checklist-item");

    /// <summary>The status drop-downs of the items still not started.</summary>
    private ILocator NotStarted => Page.Locator(".item-status-input").Filter(new LocatorFilterOptions { Has = Page.Locator("option[value=NotStarted]:checked") });

    public ILocator ReviewForm => Page.Locator("#review-form");

    public ILocator Opinion => Page.Locator("#organization-opinion");

    /// <summary>Marks every item not started yet as fulfilled, with <paramref name="selfAssessment"/>.</summary>
    public async Task FulfilRemainingAsync(string selfAssessment)
    {
        while (await NotStarted.CountAsync() > 0)
        {
            var select = NotStarted.First;
            var id = await select.GetAttributeAsync("id");
            await Page.Locator("#" + id!.Replace("_Status", "_SelfAssessment", StringComparison.Ordinal)).FillAsync(selfAssessment);
            await select.SelectOptionAsync("Fulfilled");
        }
    }

    public async Task SubmitAsync()
    {
        await Page.Locator("#submit-checklist").ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    public Task FillReviewAsync(string opinion) => Page.Locator("#Review_Opinion").FillAsync(opinion);

    public async Task MarkReviewedAsync()
    {
        await Page.Locator("#mark-reviewed").ClickAsync();
        await Page.WaitForLoadStateAsync();
    }
}

/// <summary>A leader's annual appraisal (<c>/Appraisals/Leader/{leaderId}?year=</c>, art. 9).</summary>
public sealed partial class AppraisalPage(IPage page) : AppPage(page)
{
    /// <summary>The appraisal's badge, with its <c>data-status</c> (an <c>AppraisalStatus</c> value).</summary>
    public ILocator Status => Page.Locator("#appraisal-status");

    public ILocator DutyReportSection => Page.Locator("#duty-report-section");

    public ILocator OrganizationSection => Page.Locator("#organization-section");

    public ILocator DecisionSection => Page.Locator("#decision-section");

    public ILocator Grade => Page.Locator("#appraisal-grade");

    public async Task WriteDutyReportAsync(string text)
    {
        await Page.Locator("#DutyReport_DutyReportSection").FillAsync(text);
        await Page.Locator("#save-duty-report").ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    public Task FillOpinionAsync(string text) => Page.Locator("#Opinion_OrganizationOpinion").FillAsync(text);

    public async Task SaveOpinionAsync()
    {
        await Page.Locator("#save-opinion").ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    /// <summary>The grade (an <c>AppraisalGrade</c> value) and the commendation, if any (art. 10).</summary>
    public async Task FillDecisionAsync(string grade, string commendation)
    {
        await Page.Locator("#Decision_Grade").SelectOptionAsync(grade);
        await Page.Locator("#Decision_Commendation").FillAsync(commendation);
    }

    /// <summary>Finalizes the appraisal, accepting the question the page asks first; returns that question.</summary>
    public async Task<string> FinalizeAsync()
    {
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void AcceptOnce(object? sender, IDialog dialog)
        {
            Page.Dialog -= AcceptOnce;
            asked.TrySetResult(dialog.Message);
            _ = dialog.AcceptAsync();
        }

        Page.Dialog += AcceptOnce;
        await Page.Locator("#finalize").ClickAsync();
        await Page.WaitForLoadStateAsync();
        Page.Dialog -= AcceptOnce;
        return asked.Task.IsCompleted ? await asked.Task : "";
    }

    /// <summary>The address of a leader's appraisal.</summary>
    [GeneratedRegex(@"/Appraisals/Leader/\d+")]
    public static partial Regex Url();
}

/// <summary>A proposal to the cadre-management organ (<c>/Proposals/Details/{id}</c>, art. 17).</summary>
public sealed class ProposalPage(IPage page) : AppPage(page)
{
    /// <summary>The proposal's badge, with its <c>data-state</c> (a <c>ProposalState</c> value).</summary>
    public ILocator State => Page.Locator("#proposal-state");

    public ILocator FeedbackForm => Page.Locator("#feedback-form");

    public ILocator Feedback => Page.Locator("#proposal-feedback");

    /// <summary>The feedback received from the cadre-management organ and the day it came.</summary>
    public async Task FillFeedbackAsync(string feedback, DateOnly on)
    {
        await Page.Locator("#Feedback_Feedback").FillAsync(feedback);
        await Page.Locator("#Feedback_FeedbackOn").FillAsync(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public async Task RecordFeedbackAsync()
    {
        await FeedbackForm.Locator("button[type=submit]").ClickAsync();
        await Page.WaitForLoadStateAsync();
    }
}
