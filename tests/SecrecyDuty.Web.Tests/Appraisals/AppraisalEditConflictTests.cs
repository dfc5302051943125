using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Appraisals.AppraisalTestData;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>
/// Issue 14, "No lost updates": an appraisal written by two people at once. Art. 9 has the opinion heard before the grade,
/// so a grade given on a page opened before the opinion changed is not saved unseen (docs/decisions/0020).
/// </summary>
public sealed class AppraisalEditConflictTests
{
    [Fact]
    public async Task The_second_officer_writing_the_secrecy_organizations_opinion_sees_the_first_ones_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "履职情况良好。");
        await app.Province().WithAccount("wang", Roles.SecrecyOfficer, p.City, displayName: "王秘书").BuildAsync();
        var first = await app.SignedInAsync("wang");
        var second = await app.SignedInAsAsync("zhao", Roles.SecrecyOfficer, p.City);
        var firstForm = await TestApp.GetFormAsync(first, LeaderUrl(p.Zhang), "#opinion-form");
        var secondForm = await TestApp.GetFormAsync(second, LeaderUrl(p.Zhang), "#opinion-form");

        await AssertSavedAsync(await first.PostAsync(PostUrl(p.Zhang, "Opinion"), firstForm.With(("Opinion.OrganizationOpinion", "每半年听取汇报，履职良好。")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(PostUrl(p.Zhang, "Opinion"), secondForm.With(("Opinion.OrganizationOpinion", "履职情况较好，培训偏少。")).ToContent()));

        Assert.Equal("每半年听取汇报，履职良好。", (await app.FindAppraisalAsync(p.Zhang))!.OrganizationOpinion);
        Assert.Contains("王秘书 (wang)", Saved(conflict), StringComparison.Ordinal);
        Assert.Equal(("每半年听取汇报，履职良好。", "履职情况较好，培训偏少。"), Fields(conflict)["单位保密组织意见（第九条）"]);
        await AssertSavedAsync(await second.PostAsync(PostUrl(p.Zhang, "Opinion"), Form(conflict, "#opinion-form").ToContent()));
        Assert.Equal("履职情况较好，培训偏少。", (await app.FindAppraisalAsync(p.Zhang))!.OrganizationOpinion);
    }

    [Fact]
    public async Task A_finalization_on_a_page_opened_before_the_opinion_changed_is_refused_until_the_cadre_official_confirms_it()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "履职情况良好。");
        var officer = await app.SignedInAsAsync("wang", Roles.SecrecyOfficer, p.City);
        var cadre = await app.SignedInAsAsync("chen", Roles.CadreOfficial, p.City);
        var decision = await TestApp.GetFormAsync(cadre, LeaderUrl(p.Zhang), "#decision-form");
        var opinion = await TestApp.GetFormAsync(officer, LeaderUrl(p.Zhang), "#opinion-form");

        await AssertSavedAsync(await officer.PostAsync(PostUrl(p.Zhang, "Opinion"), opinion.With(("Opinion.OrganizationOpinion", "培训组织不足，建议定为称职。")).ToContent()));
        var conflict = await AssertConflictAsync(await cadre.PostAsync(PostUrl(p.Zhang, "Finalize"), decision.With(("Decision.Grade", nameof(AppraisalGrade.Excellent))).ToContent()));

        var stored = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal(((AppraisalGrade?)null, (DateTime?)null), (stored!.Grade, stored.FinalizedAtUtc));
        var fields = Fields(conflict);
        Assert.Equal(("培训组织不足，建议定为称职。", null), fields["单位保密组织意见（第九条）"]);
        Assert.Equal(("（无）", "优秀"), fields["考核等次"]);

        var again = Form(conflict, "#decision-form").With(("Decision.Grade", nameof(AppraisalGrade.Competent)));
        await AssertSavedAsync(await cadre.PostAsync(PostUrl(p.Zhang, "Finalize"), again.ToContent()));
        stored = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal(AppraisalGrade.Competent, stored!.Grade);
        Assert.NotNull(stored.FinalizedAtUtc);
    }

    [Fact]
    public async Task A_leaders_duty_report_conflict_never_shows_the_opinion_on_himself()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "履职情况良好。", dutyReport: "已听取汇报两次。");
        var window1 = await app.SignedInAsync("zhang");
        var window2 = await app.SignedInAsync("zhang");
        var first = await TestApp.GetFormAsync(window1, LeaderUrl(p.Zhang), "#duty-report-form");
        var second = await TestApp.GetFormAsync(window2, LeaderUrl(p.Zhang), "#duty-report-form");

        await AssertSavedAsync(await window1.PostAsync(PostUrl(p.Zhang, "DutyReport"), first.With(("DutyReport.DutyReportSection", "3月、9月听取汇报。")).ToContent()));
        var conflict = await AssertConflictAsync(await window2.PostAsync(PostUrl(p.Zhang, "DutyReport"), second.With(("DutyReport.DutyReportSection", "全年听取汇报两次，组织培训一次。")).ToContent()));

        var fields = Fields(conflict);
        Assert.DoesNotContain("单位保密组织意见（第九条）", fields.Keys);
        Assert.DoesNotContain("履职情况良好。", conflict.QuerySelector("#edit-conflict")!.TextContent, StringComparison.Ordinal);
        await AssertSavedAsync(await window2.PostAsync(PostUrl(p.Zhang, "DutyReport"), Form(conflict, "#duty-report-form").ToContent()));
        Assert.Equal("全年听取汇报两次，组织培训一次。", (await app.FindAppraisalAsync(p.Zhang))!.DutyReportSection);
    }
}
