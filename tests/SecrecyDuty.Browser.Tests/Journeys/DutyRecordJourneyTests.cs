using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Issue 11, in Chinese over the demo province: what the leader, the secrecy office and the organization and personnel
/// department do with a leader's records of the year (arts. 4–10, 17): the duty checklist submitted and reviewed, the
/// appraisal written, heard and finalized, a proposal's feedback recorded. The user guide shows their screenshots.
/// </summary>
public sealed class DutyRecordJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_leader_submits_the_duty_checklist_and_the_secrecy_organization_reviews_it()
    {
        // 张教 (the demo leader) has this year's checklist half worked through.
        var leader = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(leader)).SignInAsync("leader");
        await leader.Locator("#own-checklists a").First.ClickAsync();
        var checklist = new ChecklistPage(leader);
        await Expect(checklist.Status).ToHaveAttributeAsync("data-status", "Open");
        await checklist.FulfilRemainingAsync("已按要求落实，有关活动已在系统中记录。");
        await checklist.ScreenshotAsync("23-leader-checklist");
        await checklist.SubmitAsync();
        await Expect(checklist.Status).ToHaveAttributeAsync("data-status", "Submitted");
        var address = leader.Url;

        // The secrecy office reads it and marks it reviewed with the secrecy organization's opinion (art. 9).
        var officer = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(officer)).SignInAsync("officer");
        await officer.GotoAsync(address);
        var review = new ChecklistPage(officer);
        await Expect(review.Status).ToHaveAttributeAsync("data-status", "Submitted");
        await review.FillReviewAsync("履行保密工作职责情况良好；下半年听取保密组织情况汇报一项请按时完成。");
        await review.ScreenshotAsync("24-officer-reviews-checklist", review.ReviewForm);
        await review.MarkReviewedAsync();
        await Expect(review.Status).ToHaveAttributeAsync("data-status", "Reviewed");
        await Expect(review.Opinion).ToContainTextAsync("履行保密工作职责情况良好");
    }

    [BrowserFact]
    public async Task A_leaders_appraisal_is_finalized_only_after_hearing_the_secrecy_organizations_opinion()
    {
        // The leader writes the secrecy section of the duty report (art. 9) from the home page's link.
        var leader = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(leader)).SignInAsync("leader");
        await leader.Locator("#own-appraisal a").ClickAsync();
        await leader.WaitForURLAsync(AppraisalPage.Url());
        var appraisal = new AppraisalPage(leader);
        await appraisal.WriteDutyReportAsync("本年度认真履行分管保密工作的领导职责：按时听取保密组织的情况汇报，主持保密委员会成员会议两次，组织全厅保密教育，督促落实涉密计算机技术防护的整改。");
        await Expect(appraisal.Status).ToHaveAttributeAsync("data-status", "Draft");
        await appraisal.ScreenshotAsync("31-leader-duty-report", appraisal.DutyReportSection);
        var address = leader.Url;

        // The secrecy office gives the secrecy organization's opinion.
        var officer = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(officer)).SignInAsync("officer");
        await officer.GotoAsync(address);
        var heard = new AppraisalPage(officer);
        await heard.FillOpinionAsync("该同志履行保密工作责任制情况良好，同意评为称职。");
        await heard.ScreenshotAsync("32-officer-appraisal-opinion", heard.OrganizationSection);
        await heard.SaveOpinionAsync();
        await Expect(heard.Status).ToHaveAttributeAsync("data-status", "OpinionGiven");

        // The cadre official finds it among the appraisals awaiting finalizing, grades and finalizes it.
        var cadre = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(cadre)).SignInAsync("cadre");
        await Expect(cadre.Locator("#cadre-summary")).ToBeVisibleAsync();
        await cadre.Locator("#cadre-awaiting-link").ClickAsync();
        await cadre.WaitForURLAsync(url => url.Contains("/Appraisals", StringComparison.Ordinal) && url.Contains("OpinionGiven", StringComparison.Ordinal));
        await Expect(cadre.Locator("main")).ToContainTextAsync("张教");
        await cadre.GotoAsync(address);
        var decided = new AppraisalPage(cadre);
        await decided.FillDecisionAsync("Competent", "");
        await decided.ScreenshotAsync("33-cadre-finalizes-appraisal", decided.DecisionSection);
        // Finalizing cannot be undone: the page asks first.
        Assert.Equal("确定将此考核定稿吗？定稿后不可再修改。", await decided.FinalizeAsync());
        await Expect(decided.Status).ToHaveAttributeAsync("data-status", "Finalized");
        await Expect(decided.Grade).ToHaveTextAsync("称职");
    }

    [BrowserFact]
    public async Task A_cadre_official_records_the_feedback_on_a_proposal_past_its_due_date()
    {
        // The demo's sanction proposal about 示范省教育考试院's principal leader waits for feedback past its due date.
        var cadre = await app.NewPageAsync();
        var home = await (await LoginPage.OpenAsync(cadre)).SignInAsync("cadre");
        await Expect(home.Page.Locator("#home-cadre-official")).ToBeVisibleAsync();
        await Expect(home.Page.Locator("#proposal-work")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bborder-danger\b"));
        await home.ScreenshotAsync("34-cadre-home");

        await home.Page.Locator("#overdue-proposals a").First.ClickAsync();
        var proposal = new ProposalPage(cadre);
        await Expect(proposal.State).ToHaveAttributeAsync("data-state", "FeedbackOverdue");
        await proposal.FillFeedbackAsync("经调查核实，已给予该同志诫勉谈话，并责成考试院限期完成整改。", DateOnly.FromDateTime(DateTime.Now));
        await proposal.ScreenshotAsync("35-cadre-proposal-feedback", proposal.Page.Locator("h1"));
        await proposal.RecordFeedbackAsync();
        await Expect(proposal.State).ToHaveAttributeAsync("data-state", "Answered");
        await Expect(proposal.Feedback).ToContainTextAsync("诫勉谈话");
    }
}
