using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Appraisals.AppraisalTestData;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>
/// Art. 9: the leader writes the secrecy section of his or her own duty report; the secrecy office writes the
/// secrecy organization's opinion, and only that; the cadre official (organization and personnel department) hears
/// it, sets the grade and any commendation (art. 10) and finalizes; finalized is read-only.
/// </summary>
public sealed class AppraisalWritingTests
{
    [Fact]
    public async Task A_leader_writes_the_secrecy_section_of_his_own_duty_report_and_the_appraisal_is_created_in_his_records_unit()
    {
        using var app = TestApp.Rent();
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
        using var app = TestApp.Rent();
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
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsync("li");

        // 李保 cannot read his colleague's appraisal at all (docs/decisions/0009), so a forged post finds nothing either.
        var token = await TestApp.GetFormAsync(client, LeaderUrl(p.Li), "#duty-report-form");
        var response = await client.PostAsync(PostUrl(p.Zhang, "DutyReport"), token.With(("DutyReport.DutyReportSection", "代写")).ToContent());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task A_secrecy_officer_may_not_write_a_leaders_duty_report_section()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync(p.Officer, s => s.SaveDutyReportCurrentAsync(p.Zhang, AppraisalProvince.Year, new DutyReportInput { DutyReportSection = "代写" })));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task A_secrecy_officer_gives_the_secrecy_organizations_opinion()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "Opinion"), form.With(("Opinion.OrganizationOpinion", "  " + Opinion.OrganizationOpinion + "  ")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.NotNull(appraisal);
        Assert.Equal(Opinion.OrganizationOpinion, appraisal.OrganizationOpinion);
        Assert.Null(appraisal.Grade);
        Assert.Null(appraisal.FinalizedAtUtc);
        Assert.Equal(p.Bureau, appraisal.UnitId);
        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.Equal("保密组织意见已保存。", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(nameof(AppraisalStatus.OpinionGiven), page.QuerySelector("#appraisal-status")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task An_empty_opinion_is_refused_beside_the_field()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "Opinion"), form.With(("Opinion.OrganizationOpinion", "  ")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("请填写单位保密组织对该领导干部履行保密工作责任制情况的意见。", page.QuerySelector("[data-valmsg-for='Opinion.OrganizationOpinion']")!.TextContent);
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task Art9_secrecy_officer_gives_the_opinion_but_cannot_finalize()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见");
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.NotNull(page.QuerySelector("#opinion-form"));
        Assert.Null(page.QuerySelector("#decision-form"));
        Assert.Null(page.QuerySelector("#finalize"));
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");
        var response = await client.PostAsync(PostUrl(p.Zhang, "Finalize"), form.With(("Decision.Grade", nameof(AppraisalGrade.Excellent))).ToContent());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(p.Officer, s => s.FinalizeCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision)));
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Null(appraisal!.FinalizedAtUtc);
        Assert.Null(appraisal.Grade);
    }

    [Fact]
    public async Task Art9_secrecy_officer_cannot_set_the_grade_or_the_commendation()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见");
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "Decision"), form.With(
            ("Decision.Grade", nameof(AppraisalGrade.Excellent)),
            ("Decision.Commendation", "先进个人")).ToContent());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(p.Officer, s => s.SaveDecisionCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision)));
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Null(appraisal!.Grade);
        Assert.Null(appraisal.Commendation);
    }

    [Fact]
    public async Task Art9_cadre_official_finalizes_an_appraisal()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "该同志认真履行第一责任人职责。", dutyReport: "全年听取保密工作汇报两次。");
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#decision-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "Finalize"), form.With(
            ("Decision.Grade", nameof(AppraisalGrade.Excellent)),
            ("Decision.Commendation", "  评为全市保密工作先进个人 ")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, appraisal!.FinalizedAtUtc);
        Assert.Equal("cadre", appraisal.FinalizedBy);
        Assert.Equal(AppraisalGrade.Excellent, appraisal.Grade);
        Assert.Equal("评为全市保密工作先进个人", appraisal.Commendation);
        Assert.Equal("该同志认真履行第一责任人职责。", appraisal.OrganizationOpinion);
        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.Equal("考核已定稿，不可再修改。", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("已定稿", page.QuerySelector("#appraisal-status")!.TextContent);
        Assert.Null(page.QuerySelector("#decision-form"));
        Assert.Equal("优秀", page.QuerySelector("#appraisal-grade")!.TextContent);
    }

    [Fact]
    public async Task A_cadre_official_saves_a_grade_without_finalizing()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见");

        var result = await app.AsAsync(p.Cadre, s => s.SaveDecisionCurrentAsync(p.Zhang, AppraisalProvince.Year, new AppraisalDecisionInput { Grade = AppraisalGrade.Competent }));

        Assert.True(result!.Succeeded);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal(AppraisalGrade.Competent, appraisal!.Grade);
        Assert.Null(appraisal.FinalizedAtUtc);
        Assert.Equal(AppraisalStatus.OpinionGiven, (await app.AsAsync(p.Cadre, s => s.GetAsync(p.Zhang, AppraisalProvince.Year)))!.Status);
    }

    [Fact]
    public async Task Art9_finalizing_without_the_secrecy_organizations_opinion_is_refused()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, dutyReport: "述职");
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);
        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.NotNull(page.QuerySelector("#opinion-awaited"));
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#decision-form");

        var response = await client.PostAsync(PostUrl(p.Zhang, "Finalize"), form.With(("Decision.Grade", nameof(AppraisalGrade.Excellent))).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await TestApp.ParseAsync(response)).QuerySelector("#appraisal-errors")!.TextContent;
        Assert.Contains("第九条", message, StringComparison.Ordinal);
        Assert.Contains("有关部门考核领导干部时应当听取所在单位保密组织的意见", message, StringComparison.Ordinal);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Null(appraisal!.FinalizedAtUtc);
        Assert.Null(appraisal.Grade);
    }

    [Fact]
    public async Task Finalizing_without_a_grade_is_refused_beside_the_grade()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见");

        var result = await app.AsAsync(p.Cadre, s => s.FinalizeCurrentAsync(p.Zhang, AppraisalProvince.Year, new AppraisalDecisionInput { Commendation = "表彰" }));

        Assert.Equal(nameof(AppraisalDecisionInput.Grade), Assert.Single(result!.Errors).Field);
        Assert.Null((await app.FindAppraisalAsync(p.Zhang))!.FinalizedAtUtc);
    }

    [Fact]
    public async Task The_cadre_official_hears_the_opinion_but_does_not_write_it()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));

        Assert.Null(page.QuerySelector("#opinion-form"));
        Assert.Equal("尚未提出", page.QuerySelector("#organization-opinion")!.TextContent);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(p.Cadre, s => s.SaveOpinionCurrentAsync(p.Zhang, AppraisalProvince.Year, Opinion)));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task Nobody_decides_or_gives_the_opinion_on_his_own_appraisal()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Li, p.Bureau, opinion: "意见");

        // Accounts of other roles may be linked to a leader record too (by staff number): 李保's own.
        var accounts = await app.Province()
            .WithAccount("li.cadre", Roles.UnitLeader, p.City, leader: p.Li)
            .WithAccount("li.officer", Roles.UnitLeader, p.City, leader: p.Li)
            .BuildAsync();
        var cadre = new FixedCurrentUser(accounts.Account("li.cadre"), p.City, Roles.CadreOfficial);
        var officer = new FixedCurrentUser(accounts.Account("li.officer"), p.City, Roles.SecrecyOfficer);

        var details = await app.AsAsync(cadre, s => s.GetAsync(p.Li, AppraisalProvince.Year));
        Assert.False(details!.CanDecide);
        Assert.False((await app.AsAsync(officer, s => s.GetAsync(p.Li, AppraisalProvince.Year)))!.CanWriteOpinion);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(cadre, s => s.FinalizeCurrentAsync(p.Li, AppraisalProvince.Year, Decision)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(officer, s => s.SaveOpinionCurrentAsync(p.Li, AppraisalProvince.Year, Opinion)));
        var appraisal = await app.FindAppraisalAsync(p.Li);
        Assert.Null(appraisal!.FinalizedAtUtc);
        Assert.Equal("意见", appraisal.OrganizationOpinion);
    }

    [Fact]
    public async Task A_finalized_appraisal_is_read_only_for_the_leader_the_secrecy_office_and_the_cadre_official()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见", grade: AppraisalGrade.Competent, finalized: true, dutyReport: "原述职内容");
        var leader = await app.LeaderActorAsync("zhang", p.Bureau);

        var byLeader = await app.AsAsync(leader, s => s.SaveDutyReportCurrentAsync(p.Zhang, AppraisalProvince.Year, new DutyReportInput { DutyReportSection = "改写" }));
        var byOfficer = await app.AsAsync(p.Officer, s => s.SaveOpinionCurrentAsync(p.Zhang, AppraisalProvince.Year, Opinion));
        var byCadre = await app.AsAsync(p.Cadre, s => s.SaveDecisionCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision));
        var again = await app.AsAsync(p.Cadre, s => s.FinalizeCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision));

        Assert.All([byLeader, byOfficer, byCadre, again], r => Assert.Equal("This appraisal is finalized: it can no longer be changed.", Assert.Single(r!.Errors).Message));
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

    [Theory]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.CadreOfficial)]
    public async Task A_finalized_appraisal_offers_no_form(string role)
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见", grade: AppraisalGrade.Competent, finalized: true);
        var client = await app.SignedInAsAsync("worker", role, p.City);

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));

        Assert.Null(page.QuerySelector("#opinion-form"));
        Assert.Null(page.QuerySelector("#decision-form"));
        Assert.Equal("意见", page.QuerySelector("#organization-opinion")!.TextContent);
        Assert.Equal("称职", page.QuerySelector("#appraisal-grade")!.TextContent);
        Assert.Equal("已定稿", page.QuerySelector("#appraisal-status")!.TextContent);
    }

    [Fact]
    public async Task The_leader_is_offered_no_opinion_or_decision_form_and_may_write_neither()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var leader = await app.LeaderActorAsync("zhang", p.Bureau);
        var client = await app.SignedInAsync("zhang");

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));

        Assert.Null(page.QuerySelector("#opinion-form"));
        Assert.Null(page.QuerySelector("#decision-form"));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync(leader, s => s.SaveOpinionCurrentAsync(p.Zhang, AppraisalProvince.Year, Opinion)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync(leader, s => s.FinalizeCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision)));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task No_appraisal_is_started_for_a_year_in_which_the_leader_held_no_posting()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);

        // 李保's posting began in May 2024: nothing to appraise for 2023.
        var result = await app.AsAsync(p.Officer, s => s.SaveOpinionCurrentAsync(p.Li, 2023, Opinion));

        Assert.Equal("李保 held no posting in 2023: there is nothing to appraise for that year.", Assert.Single(result!.Errors).Message);
        Assert.Null(await app.FindAppraisalAsync(p.Li, 2023));
    }

    [Fact]
    public async Task A_year_that_has_not_begun_cannot_be_appraised()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);

        Assert.Null(await app.AsAsync(p.Officer, s => s.SaveOpinionCurrentAsync(p.Zhang, 2027, Opinion)));
        Assert.Null(await app.AsAsync(p.Cadre, s => s.FinalizeCurrentAsync(p.Zhang, 2027, Decision)));
        Assert.Null(await app.AsAsync(p.Officer, s => s.GetAsync(p.Zhang, 2027)));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang, 2027));
    }

    [Fact]
    public async Task The_lengths_checked_beside_the_fields_are_those_the_database_allows()
    {
        using var app = TestApp.Rent();

        var entity = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Model.FindEntityType(typeof(Appraisal))!));

        Assert.Equal(AppraisalLimits.DutyReportSection, entity.FindProperty(nameof(Appraisal.DutyReportSection))!.GetMaxLength());
        Assert.Equal(AppraisalLimits.OrganizationOpinion, entity.FindProperty(nameof(Appraisal.OrganizationOpinion))!.GetMaxLength());
        Assert.Equal(AppraisalLimits.Commendation, entity.FindProperty(nameof(Appraisal.Commendation))!.GetMaxLength());
    }
}
