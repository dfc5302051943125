using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections.Scoring;

/// <summary>
/// Issue 8: an inspection is scored against the shipped checklist template; deductions become findings with one click;
/// a unit's self-inspection is its self-assessment, submitted with evidence and reviewed by the superior office.
/// </summary>
public sealed class ScoreSheetTests
{
    private const string ShippedCode = "sd-leader-duty-inspection";

    private static Task<int> ShippedTemplateAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.Where(t => t.Code == ShippedCode && t.IsCurrent).Select(t => t.Id).SingleAsync());

    private static Task<T> SheetsAsync<T>(TestApp app, ICurrentUser actor, Func<ScoreSheetService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ScoreSheetService>(sp, actor)));

    private static ScoreSheetInput Entries(params ScoreEntryInput[] entries) => new() { Entries = [.. entries] };

    private static async Task<(Province P, ICurrentUser Officer, int Inspection)> ScoredInspectionAsync(TestApp app, params ScoreEntryInput[] entries)
    {
        var p = await Province.CreateAsync(app, withAccounts: true);
        var officer = await app.OfficerAsync(p);
        var inspection = await app.PlanAsync(p);
        await app.StartAsync(p, inspection);
        var template = await ShippedTemplateAsync(app);
        Assert.True((await SheetsAsync(app, officer, s => s.StartAsync(inspection, template)))!.Succeeded);
        var saved = await SheetsAsync(app, officer, async s => await s.SaveAsync(inspection, await s.VersionNowAsync(inspection), Entries(entries)));
        Assert.True(saved!.Succeeded, InspectionTestData.Describe(saved));
        return (p, officer, inspection);
    }

    private static Task<ScoreSheet> StoredSheetAsync(TestApp app, int inspection) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreSheets.AsNoTracking().Include(s => s.Entries).SingleAsync(s => s.InspectionId == inspection));

    [Fact]
    public async Task The_score_is_points_kept_over_applicable_points_and_is_kept_with_its_grade()
    {
        using var app = TestApp.Rent();

        // 2.8 (S6.8, 5 points): one defect costs 2, one occurrence 1 more: 97 of 100 points.
        var (_, officer, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1, Occurrences = 1, Note = "两台涉密计算机未安装防护软件" });

        var stored = await StoredSheetAsync(app, inspection);
        var view = await SheetsAsync(app, officer, s => s.GetAsync(inspection));
        Assert.Equal((100m, 97m, 970, "Conforming", false), (stored.PointsApplicable, stored.PointsKept, stored.PercentageTenths, stored.GradeCode, stored.VetoFailed));
        Assert.Equal(ScoreSheetPhase.Open, view!.Phase);
        Assert.Equal(3m, view.Result!.Items.Single(i => i.Item.Code == "2.8").TotalDeduction);
        Assert.Equal(1, view.FindingsToDraft);
    }

    [Fact]
    public async Task A_defect_on_a_veto_item_fails_the_result_whatever_the_percentage()
    {
        using var app = TestApp.Rent();

        // 1.2 (P5.2) is a veto item: 94 % would conform, the veto makes it non-conforming.
        var (_, _, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "1.2", Defects = 1 });

        var stored = await StoredSheetAsync(app, inspection);
        Assert.Equal((940, "NonConforming", true), (stored.PercentageTenths, stored.GradeCode, stored.VetoFailed));
    }

    [Fact]
    public async Task Deductions_become_findings_with_one_click_and_only_once()
    {
        using var app = TestApp.Rent();
        var (p, officer, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1, Note = "两台涉密计算机未安装防护软件" });

        var drafted = await SheetsAsync(app, officer, async s => await s.DraftFindingsAsync(inspection, await s.VersionNowAsync(inspection)));
        var again = await SheetsAsync(app, officer, async s => await s.DraftFindingsAsync(inspection, await s.VersionNowAsync(inspection)));

        Assert.Equal(1, drafted!.Value);
        Assert.Equal("Every deduction is already a finding.", Assert.Single(again!.Errors).Message);
        var finding = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Findings.AsNoTracking().Include(f => f.ResponsiblePostings).SingleAsync());
        Assert.Equal(("D15.5", FindingSeverity.Ordinary), (finding.DeficiencyCode, finding.Severity));
        Assert.EndsWith("\n两台涉密计算机未安装防护软件", finding.Description, StringComparison.Ordinal);

        // D15.5 concerns the leader in charge of secrecy work: 李保's posting, which held on the inspection date.
        Assert.Equal([p.Li], finding.ResponsiblePostings.Select(r => r.PostingId));
        Assert.Equal(finding.Id, Assert.Single((await StoredSheetAsync(app, inspection)).Entries).FindingId);
    }

    [Fact]
    public async Task A_finding_removed_from_the_inspection_may_be_drafted_again()
    {
        using var app = TestApp.Rent();
        var (_, officer, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });
        await SheetsAsync(app, officer, async s => await s.DraftFindingsAsync(inspection, await s.VersionNowAsync(inspection)));
        var findingId = Assert.Single((await StoredSheetAsync(app, inspection)).Entries).FindingId!.Value;

        var removed = await app.InspectionsAsync(officer, async s => await s.RemoveFindingAsync(inspection, findingId, (await s.GetAsync(inspection))!.Findings.Single(f => f.Id == findingId).Version));
        var drafted = await SheetsAsync(app, officer, async s => await s.DraftFindingsAsync(inspection, await s.VersionNowAsync(inspection)));

        Assert.True(removed!.Succeeded);
        Assert.Equal(1, drafted!.Value);
    }

    [Fact]
    public async Task A_bad_entry_is_refused_beside_its_field_and_nothing_is_saved()
    {
        using var app = TestApp.Rent();
        var (_, officer, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });

        var result = await SheetsAsync(app, officer, async s => await s.SaveAsync(inspection, await s.VersionNowAsync(inspection), Entries(
            new ScoreEntryInput { ItemCode = "2.8", Defects = -1 },
            new ScoreEntryInput { ItemCode = "3.1", NotApplicable = true, NotApplicableReason = "  " })));

        Assert.Equal(
            [("Entries[0].Defects", "Enter a number of defects from 0 to 9999."), ("Entries[1].NotApplicableReason", "Say why the item does not apply to this unit.")],
            result!.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(1, Assert.Single((await StoredSheetAsync(app, inspection)).Entries).DefectCount);
    }

    [Fact]
    public async Task An_item_marked_not_applicable_leaves_the_points_and_is_kept_with_its_reason()
    {
        using var app = TestApp.Rent();

        // 2.7 (4 points, S6.7): no important classified activity this year.
        var (_, _, inspection) = await ScoredInspectionAsync(app,
            new ScoreEntryInput { ItemCode = "2.7", Defects = 2, NotApplicable = true, NotApplicableReason = "本年度未承办涉密活动" },
            new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });

        var stored = await StoredSheetAsync(app, inspection);
        Assert.Equal((96m, 94m, 979), (stored.PointsApplicable, stored.PointsKept, stored.PercentageTenths));
        Assert.Contains(stored.Entries, e => e.NotApplicable && e.NotApplicableReason == "本年度未承办涉密活动");
    }

    [Fact]
    public async Task A_completed_inspections_score_can_no_longer_change()
    {
        using var app = TestApp.Rent();
        var (p, officer, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });
        await app.CompleteAsync(p, inspection);

        var result = await SheetsAsync(app, officer, async s => await s.SaveAsync(inspection, await s.VersionNowAsync(inspection), Entries()));
        var view = await SheetsAsync(app, officer, s => s.GetAsync(inspection));

        Assert.Equal("This inspection is completed: its score can no longer change.", Assert.Single(result!.Errors).Message);
        Assert.False(view!.CanScore);
        Assert.Equal(980, (await StoredSheetAsync(app, inspection)).PercentageTenths);
    }

    [Fact]
    public async Task The_unit_submits_its_self_assessment_with_evidence_and_only_the_superior_office_reviews_it()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province().WithAccount("jyt-officer", Roles.SecrecyOfficer, p.Department).BuildAsync();
        var unitOfficerId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "jyt-officer").Select(u => u.Id).SingleAsync());
        var unitOfficer = new FixedCurrentUser(unitOfficerId, p.Department, Roles.SecrecyOfficer);
        var provinceOfficer = await app.OfficerAsync(p);
        var inspection = await app.InspectionsAsync(unitOfficer, s => s.CreateAsync(new InspectionInput
        {
            UnitId = p.Department,
            Body = InspectingBody.OwnSecrecyOrganization,
            Kind = InspectionKind.Routine,
            PlannedOn = new DateOnly(2026, 11, 2),
            Scope = "2026年度自查自评",
            InspectorIds = [unitOfficer.UserId!],
        }));
        var id = inspection.Value;
        var template = await ShippedTemplateAsync(app);

        await SheetsAsync(app, unitOfficer, s => s.StartAsync(id, template));
        var early = await SheetsAsync(app, unitOfficer, async s => await s.SubmitAsync(id, await s.VersionNowAsync(id), []));
        await SheetsAsync(app, unitOfficer, async s => await s.SaveAsync(id, await s.VersionNowAsync(id), Entries(new ScoreEntryInput { ItemCode = "1.4", Defects = 1 })));
        var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
        var submitted = await SheetsAsync(app, unitOfficer, async s => await s.SubmitAsync(id, await s.VersionNowAsync(id), [new EvidenceUpload("自查报告.pdf", pdf.Length, pdf)]));
        var changed = await SheetsAsync(app, unitOfficer, async s => await s.SaveAsync(id, await s.VersionNowAsync(id), Entries()));
        var ownReview = await SheetsAsync(app, unitOfficer, async s => await s.ReviewAsync(id, await s.VersionNowAsync(id), new ScoreReviewInput { Opinion = "自己审核自己" }));
        var emptyReview = await SheetsAsync(app, provinceOfficer, async s => await s.ReviewAsync(id, await s.VersionNowAsync(id), new ScoreReviewInput { Opinion = " " }));
        var reviewed = await SheetsAsync(app, provinceOfficer, async s => await s.ReviewAsync(id, await s.VersionNowAsync(id), new ScoreReviewInput { Opinion = "自评客观，请抓好第1.4项整改。" }));

        Assert.Equal("Save the score before submitting the self-assessment.", Assert.Single(early!.Errors).Message);
        Assert.True(submitted!.Succeeded, InspectionTestData.Describe(submitted));
        Assert.Equal("This self-assessment has been submitted and can no longer change.", Assert.Single(changed!.Errors).Message);
        Assert.Equal("A self-assessment is reviewed by the superior secrecy office, not by the unit itself.", Assert.Single(ownReview!.Errors).Message);
        Assert.Equal(("Opinion", "Enter the review opinion."), (Assert.Single(emptyReview!.Errors).Field, emptyReview.Errors[0].Message));
        Assert.True(reviewed!.Succeeded);
        var view = await SheetsAsync(app, provinceOfficer, s => s.GetAsync(id));
        Assert.Equal((ScoreSheetPhase.Reviewed, "自评客观，请抓好第1.4项整改。", "自查报告.pdf"), (view!.Phase, view.ReviewOpinion, Assert.Single(view.Evidence).FileName));
        Assert.Equal(975, (await StoredSheetAsync(app, id)).PercentageTenths);
    }

    [Fact]
    public async Task Only_the_secrecy_office_scores_and_a_sheet_outside_the_jurisdiction_is_not_found()
    {
        using var app = TestApp.Rent();
        var (p, _, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });
        var healthOfficer = new FixedCurrentUser("health-officer", p.Health, Roles.SecrecyOfficer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => SheetsAsync(app, p.Leader, async s => await s.SaveAsync(inspection, await s.VersionNowAsync(inspection), Entries())));
        Assert.Null(await SheetsAsync(app, healthOfficer, async s => await s.SaveAsync(inspection, await s.VersionNowAsync(inspection), Entries())));
        Assert.Null(await SheetsAsync(app, healthOfficer, s => s.GetAsync(inspection)));
        var leaderView = await SheetsAsync(app, p.Leader, s => s.GetAsync(inspection));
        Assert.False(leaderView!.CanScore || leaderView.CanDraftFindings);
    }

    [Fact]
    public async Task The_sheet_page_shows_an_error_beside_the_field_that_caused_it()
    {
        using var app = TestApp.Rent();
        var (_, _, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });
        var client = await app.SignedInAsync("officer");

        var form = await TestApp.GetFormAsync(client, $"/Inspections/Scores/Sheet/{inspection}", "#score-form");
        var response = await client.PostAsync($"/Inspections/Scores/Sheet/{inspection}", form.With(("Input.Entries[0].Defects", "-3")).ToContent());
        var page = await TestApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请输入 0 至 9999 之间的问题个数。", page.QuerySelector("[data-valmsg-for='Input.Entries[0].Defects']")!.TextContent);
        Assert.Equal("-3", page.QuerySelector("#Input_Entries_0__Defects")!.GetAttribute("value"));
        Assert.Equal(980, (await StoredSheetAsync(app, inspection)).PercentageTenths);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9.99")]
    public async Task An_item_the_template_does_not_have_or_none_is_refused_above_the_form_and_the_sheet_is_kept(string itemCode)
    {
        using var app = TestApp.Rent();
        var (_, _, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1 });
        var client = await app.SignedInAsync("officer");

        // The item's code is a hidden field: left empty it was a server error, unknown it was refused with a message shown nowhere.
        var form = await TestApp.GetFormAsync(client, $"/Inspections/Scores/Sheet/{inspection}", "#score-form");
        var response = await client.PostAsync($"/Inspections/Scores/Sheet/{inspection}", form.With(("Input.Entries[0].ItemCode", itemCode), ("Input.Entries[0].Defects", "2")).ToContent());
        var page = await TestApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("表单中有不属于该检查评分模板的项目：请重新打开评分表后再填写评分。", page.QuerySelector(".validation-summary-errors li")!.TextContent);
        Assert.Equal(980, (await StoredSheetAsync(app, inspection)).PercentageTenths);
    }

    [Fact]
    public async Task The_opinion_and_the_inspection_page_show_the_score()
    {
        using var app = TestApp.Rent();
        var (_, _, inspection) = await ScoredInspectionAsync(app, new ScoreEntryInput { ItemCode = "2.8", Defects = 1, Occurrences = 1 });
        var client = await app.SignedInAsync("officer");

        var opinion = await TestApp.GetDocumentAsync(client, $"/Inspections/Opinion/{inspection}");
        var details = await TestApp.GetDocumentAsync(client, $"/Inspections/Details/{inspection}");

        Assert.Equal("97.0 % · 符合要求", opinion.QuerySelector("#opinion-score td")!.TextContent.Trim());
        Assert.Contains("97.0 %", details.QuerySelector("#score-sheet")!.TextContent, StringComparison.Ordinal);
    }
}
