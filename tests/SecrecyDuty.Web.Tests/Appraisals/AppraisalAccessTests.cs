using System.Net;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Appraisals.AppraisalTestData;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>
/// The secrecy office writes the opinion and the cadre official decides, each within the jurisdiction; supervisors
/// and discipline officials read there. Outside the jurisdiction an appraisal is reported exactly as a missing one.
/// (What a unit leader reads: <see cref="AppraisalVisibilityTests"/>.)
/// </summary>
public sealed class AppraisalAccessTests
{
    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Read_only_roles_read_the_appraisal_but_posting_the_opinion_or_the_decision_is_forbidden(string role)
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "已有意见", grade: AppraisalGrade.Competent);
        var client = await app.SignedInAsAsync("reader", role, p.City);

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.Equal("已有意见", page.QuerySelector("#organization-opinion")!.TextContent);
        Assert.Equal("称职", page.QuerySelector("#appraisal-grade")!.TextContent);
        Assert.Null(page.QuerySelector("#opinion-form"));
        Assert.Null(page.QuerySelector("#decision-form"));
        Assert.Null(page.QuerySelector("#duty-report-form"));

        var token = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#culture-form");
        var opinion = await client.PostAsync(PostUrl(p.Zhang, "Opinion"), token.With(("Opinion.OrganizationOpinion", "改写")).ToContent());
        var decision = await client.PostAsync(PostUrl(p.Zhang, "Decision"), token.With(("Decision.Grade", "Excellent")).ToContent());
        var finalize = await client.PostAsync(PostUrl(p.Zhang, "Finalize"), token.ToContent());

        Assert.Equal(HttpStatusCode.Forbidden, opinion.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decision.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, finalize.StatusCode);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal("已有意见", appraisal!.OrganizationOpinion);
        Assert.Equal(AppraisalGrade.Competent, appraisal.Grade);
        Assert.Null(appraisal.FinalizedAtUtc);
    }

    [Theory]
    [InlineData("/Appraisals/Leader/{0}?year=2026")]
    [InlineData("/Appraisals/Leader/{0}/Print?year=2026")]
    public async Task A_leader_outside_the_jurisdiction_is_not_found_and_nothing_is_revealed(string template)
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Outsider, p.OtherCity, opinion: "碧海市保密委员会意见");
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        string Url(int id) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id);

        var inside = await client.GetAsync(Url(p.Zhang));
        var outside = await client.GetAsync(Url(p.Outsider));
        var missing = await client.GetAsync(Url(99999));

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await outside.Content.ReadAsStringAsync();
        Assert.DoesNotContain("碧海人", body, StringComparison.Ordinal);
        Assert.DoesNotContain("碧海市保密委员会意见", body, StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Posting_the_opinion_for_a_leader_outside_the_jurisdiction_is_not_found_and_changes_nothing()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");

        var response = await client.PostAsync(PostUrl(p.Outsider, "Opinion"), form.With(("Opinion.OrganizationOpinion", "越权意见")).ToContent());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.FindAppraisalAsync(p.Outsider));
    }

    [Fact]
    public async Task Art9_cadre_official_outside_the_jurisdiction_gets_the_same_404_as_a_missing_record()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Outsider, p.OtherCity, opinion: "碧海市保密委员会意见");
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#decision-form");

        var outside = await client.GetAsync(LeaderUrl(p.Outsider));
        var missing = await client.GetAsync(LeaderUrl(99999));
        var finalizeOutside = await client.PostAsync(PostUrl(p.Outsider, "Finalize"), form.With(("Decision.Grade", nameof(AppraisalGrade.Incompetent))).ToContent());
        var finalizeMissing = await client.PostAsync(PostUrl(99999, "Finalize"), form.ToContent());

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, finalizeOutside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, finalizeMissing.StatusCode);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("碧海", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var untouched = await app.FindAppraisalAsync(p.Outsider);
        Assert.Null(untouched!.Grade);
        Assert.Null(untouched.FinalizedAtUtc);
    }

    [Fact]
    public async Task The_secrecy_office_and_the_cadre_official_of_another_city_cannot_reach_the_appraisal()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);

        Assert.Null(await app.AsAsync(p.OtherOfficer, s => s.GetAsync(p.Zhang, AppraisalProvince.Year)));
        Assert.Null(await app.AsAsync(p.OtherOfficer, s => s.GetPrintAsync(p.Zhang, AppraisalProvince.Year)));
        Assert.Null(await app.AsAsync(p.OtherOfficer, s => s.SaveOpinionCurrentAsync(p.Zhang, AppraisalProvince.Year, Opinion)));
        Assert.Null(await app.AsAsync(p.OtherCadre, s => s.GetAsync(p.Zhang, AppraisalProvince.Year)));
        Assert.Null(await app.AsAsync(p.OtherCadre, s => s.SaveDecisionCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision)));
        Assert.Null(await app.AsAsync(p.OtherCadre, s => s.FinalizeCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision)));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task A_cadre_official_of_a_unit_above_reads_and_decides_the_appraisals_of_the_units_below()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var provinceCadre = new Core.Access.FixedCurrentUser("province-cadre", p.Root, Roles.CadreOfficial);

        var list = await app.AsAsync(provinceCadre, s => s.ListAsync(new AppraisalFilter { Year = AppraisalProvince.Year }, 1, 50));
        var details = await app.AsAsync(provinceCadre, s => s.GetAsync(p.Zhang, AppraisalProvince.Year));

        Assert.Equal(["张教", "李保", "碧海人"], list.Appraisals.Items.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.True(details!.CanDecide);
        Assert.False(details.CanWriteOpinion);
        Assert.False(details.CanWriteDutyReport);
    }

    [Fact]
    public async Task An_administrator_of_a_unit_above_writes_the_opinion_within_the_jurisdiction_but_does_not_decide()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var provinceAdministrator = new Core.Access.FixedCurrentUser("province-admin", p.Root, Roles.Administrator);

        var details = await app.AsAsync(provinceAdministrator, s => s.GetAsync(p.Zhang, AppraisalProvince.Year));
        var result = await app.AsAsync(provinceAdministrator, s => s.SaveOpinionCurrentAsync(p.Zhang, AppraisalProvince.Year, Opinion));

        Assert.True(details!.CanWriteOpinion);
        Assert.False(details.CanDecide);
        Assert.True(result!.Succeeded);
        Assert.Equal(Opinion.OrganizationOpinion, (await app.FindAppraisalAsync(p.Zhang))!.OrganizationOpinion);
        await Assert.ThrowsAsync<Core.Access.AccessDeniedException>(() =>
            app.AsAsync(provinceAdministrator, s => s.FinalizeCurrentAsync(p.Zhang, AppraisalProvince.Year, Decision)));
    }
}
