using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.DutyRecords;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Appraisals.AppraisalTestData;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>
/// Art. 9: the leader writes the secrecy section of his or her own duty report; the secrecy office writes the
/// secrecy organization's opinion, the grade and any commendation (art. 10) and finalizes; finalized is read-only.
/// </summary>
public sealed class AppraisalWritingTests
{
    [Fact]
    public async Task A_leader_writes_the_secrecy_section_of_his_own_duty_report_and_the_appraisal_is_created_in_his_records_unit()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsync("zhang");
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#duty-report-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "DutyReport"), form.With(("DutyReport.DutyReportSection", "  本年度主持召开保密委员会会议两次。  ")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.NotNull(appraisal);
        Assert.Equal("本年度主持召开保密委员会会议两次。", appraisal.DutyReportSection);
        Assert.Equal(p.Bureau, appraisal.UnitId);
        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.Equal("述职报告保密工作部分已保存。", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(nameof(AppraisalStatus.Draft), page.QuerySelector("#appraisal-status")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task An_empty_duty_report_section_is_refused_beside_the_field()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsync("zhang");
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#duty-report-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "DutyReport"), form.With(("DutyReport.DutyReportSection", "   ")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("请填写本人本年度履行保密工作职责的情况。", page.QuerySelector("[data-valmsg-for='DutyReport.DutyReportSection']")!.TextContent);
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task Another_leaders_account_may_not_write_his_duty_report_section()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsync("li");

        // 李保 reads his colleague's appraisal (same unit) but is offered no form, and a forged post is refused.
        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.Null(page.QuerySelector("#duty-report-form"));
        var token = await TestApp.GetFormAsync(client, LeaderUrl(p.Li), "#duty-report-form");
        var response = await client.PostAsync(PostUrl(p.Zhang, "DutyReport"), token.With(("DutyReport.DutyReportSection", "代写")).ToContent());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task A_secrecy_officer_may_not_write_a_leaders_duty_report_section()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync(p.Officer, s => s.SaveDutyReportAsync(p.Zhang, AppraisalProvince.Year, new DutyReportInput { DutyReportSection = "代写" })));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task A_secrecy_officer_gives_the_secrecy_organizations_opinion_grade_and_commendation()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddUserAsync("officer", Core.Accounts.Roles.SecrecyOfficer, p.City);
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "Opinion"), form.With(
            ("Opinion.OrganizationOpinion", CompleteOpinion.OrganizationOpinion!),
            ("Opinion.Grade", nameof(AppraisalGrade.Competent)),
            ("Opinion.Commendation", "")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.NotNull(appraisal);
        Assert.Equal(CompleteOpinion.OrganizationOpinion, appraisal.OrganizationOpinion);
        Assert.Equal(AppraisalGrade.Competent, appraisal.Grade);
        Assert.Null(appraisal.Commendation);
        Assert.Null(appraisal.FinalizedAtUtc);
        Assert.Equal(p.Bureau, appraisal.UnitId);
        var details = await app.AsAsync(p.Officer, s => s.GetAsync(p.Zhang, AppraisalProvince.Year));
        Assert.Equal(AppraisalStatus.OpinionGiven, details!.Status);
    }

    [Fact]
    public async Task Finalizing_without_the_secrecy_organizations_opinion_is_refused_citing_art_9()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddUserAsync("officer", Core.Accounts.Roles.SecrecyOfficer, p.City);
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "Finalize"), form.With(
            ("Opinion.OrganizationOpinion", ""),
            ("Opinion.Grade", nameof(AppraisalGrade.Excellent))).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        var message = page.QuerySelector("[data-valmsg-for='Opinion.OrganizationOpinion']")!.TextContent;
        Assert.Contains("第九条", message, StringComparison.Ordinal);
        Assert.Contains("有关部门考核领导干部时应当听取所在单位保密组织的意见", message, StringComparison.Ordinal);
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task Finalizing_without_a_grade_is_refused_beside_the_grade()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见");

        var result = await app.AsAsync(p.Officer, s => s.FinalizeAsync(p.Zhang, AppraisalProvince.Year, new AppraisalOpinionInput { OrganizationOpinion = "意见" }));

        Assert.Equal(nameof(AppraisalOpinionInput.Grade), Assert.Single(result!.Errors).Field);
        Assert.Null((await app.FindAppraisalAsync(p.Zhang))!.FinalizedAtUtc);
    }

    [Fact]
    public async Task The_secrecy_office_finalizes_with_the_opinion_and_a_grade()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);

        var result = await app.AsAsync(p.Officer, s => s.FinalizeAsync(p.Zhang, AppraisalProvince.Year, CompleteOpinion));

        Assert.True(result!.Succeeded);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, appraisal!.FinalizedAtUtc);
        Assert.Equal("officer", appraisal.FinalizedBy);
        Assert.Equal(AppraisalGrade.Excellent, appraisal.Grade);
        Assert.Equal(CompleteOpinion.Commendation, appraisal.Commendation);
    }

    [Fact]
    public async Task A_finalized_appraisal_is_read_only_for_the_leader_and_the_secrecy_office()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见", grade: AppraisalGrade.Competent, finalized: true, dutyReport: "原述职内容");
        var leader = await app.LeaderActorAsync("zhang", p.Bureau);

        var byLeader = await app.AsAsync(leader, s => s.SaveDutyReportAsync(p.Zhang, AppraisalProvince.Year, new DutyReportInput { DutyReportSection = "改写" }));
        var byOfficer = await app.AsAsync(p.Officer, s => s.SaveOrganizationPartAsync(p.Zhang, AppraisalProvince.Year, CompleteOpinion));
        var again = await app.AsAsync(p.Officer, s => s.FinalizeAsync(p.Zhang, AppraisalProvince.Year, CompleteOpinion));

        Assert.All([byLeader, byOfficer, again], r => Assert.Equal("This appraisal is finalized: it can no longer be changed.", Assert.Single(r!.Errors).Message));
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal("原述职内容", appraisal!.DutyReportSection);
        Assert.Equal("意见", appraisal.OrganizationOpinion);
        Assert.Equal(AppraisalGrade.Competent, appraisal.Grade);

        var client = await app.SignedInAsync("zhang");
        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.Null(page.QuerySelector("#duty-report-form"));
        Assert.NotNull(page.QuerySelector("#finalized-note"));
        Assert.Equal("原述职内容", page.QuerySelector("#duty-report-text")!.TextContent);
    }

    [Fact]
    public async Task A_finalized_appraisal_offers_the_secrecy_office_no_form()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见", grade: AppraisalGrade.Competent, finalized: true);
        await app.AddUserAsync("officer", Core.Accounts.Roles.SecrecyOfficer, p.City);
        var client = await app.SignedInAsync("officer");

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));

        Assert.Null(page.QuerySelector("#opinion-form"));
        Assert.Equal("意见", page.QuerySelector("#organization-opinion")!.TextContent);
        Assert.Equal("称职", page.QuerySelector("#appraisal-grade")!.TextContent);
        Assert.Equal("已定稿", page.QuerySelector("#appraisal-status")!.TextContent);
    }

    [Fact]
    public async Task The_leader_is_offered_no_opinion_form_and_may_not_write_the_opinion()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var leader = await app.LeaderActorAsync("zhang", p.Bureau);
        var client = await app.SignedInAsync("zhang");

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));

        Assert.Null(page.QuerySelector("#opinion-form"));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync(leader, s => s.FinalizeAsync(p.Zhang, AppraisalProvince.Year, CompleteOpinion)));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task No_appraisal_is_started_for_a_year_in_which_the_leader_held_no_posting()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);

        // 李保's posting began in May 2024: nothing to appraise for 2023.
        var result = await app.AsAsync(p.Officer, s => s.SaveOrganizationPartAsync(p.Li, 2023, CompleteOpinion));

        Assert.Equal("李保 held no posting in 2023: there is nothing to appraise for that year.", Assert.Single(result!.Errors).Message);
        Assert.Null(await app.FindAppraisalAsync(p.Li, 2023));
    }

    [Fact]
    public async Task A_year_that_has_not_begun_cannot_be_appraised()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);

        Assert.Null(await app.AsAsync(p.Officer, s => s.SaveOrganizationPartAsync(p.Zhang, 2027, CompleteOpinion)));
        Assert.Null(await app.AsAsync(p.Officer, s => s.GetAsync(p.Zhang, 2027)));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang, 2027));
    }

    [Fact]
    public async Task The_lengths_checked_beside_the_fields_are_those_the_database_allows()
    {
        using var app = new TestApp();

        var entity = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Model.FindEntityType(typeof(Appraisal))!));

        Assert.Equal(AppraisalLimits.DutyReportSection, entity.FindProperty(nameof(Appraisal.DutyReportSection))!.GetMaxLength());
        Assert.Equal(AppraisalLimits.OrganizationOpinion, entity.FindProperty(nameof(Appraisal.OrganizationOpinion))!.GetMaxLength());
        Assert.Equal(AppraisalLimits.Commendation, entity.FindProperty(nameof(Appraisal.Commendation))!.GetMaxLength());
    }
}
