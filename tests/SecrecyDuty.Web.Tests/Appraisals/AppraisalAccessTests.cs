using System.Net;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.DutyRecords;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Appraisals.AppraisalTestData;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>
/// The secrecy office writes within its jurisdiction; supervisors and discipline officials read there; unit leaders
/// read their own unit's. Outside the jurisdiction an appraisal is reported exactly as a missing one.
/// </summary>
public sealed class AppraisalAccessTests
{
    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Read_only_roles_read_the_appraisal_but_posting_the_opinion_is_forbidden(string role)
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "已有意见");
        var client = await app.SignedInAsAsync("reader", role, p.City);

        var page = await TestApp.GetDocumentAsync(client, LeaderUrl(p.Zhang));
        Assert.Equal("已有意见", page.QuerySelector("#organization-opinion")!.TextContent);
        Assert.Null(page.QuerySelector("#opinion-form"));
        Assert.Null(page.QuerySelector("#duty-report-form"));

        var token = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#culture-form");
        var opinion = await client.PostAsync(PostUrl(p.Zhang, "Opinion"), token.With(("Opinion.OrganizationOpinion", "改写"), ("Opinion.Grade", "Excellent")).ToContent());
        var finalize = await client.PostAsync(PostUrl(p.Zhang, "Finalize"), token.ToContent());

        Assert.Equal(HttpStatusCode.Forbidden, opinion.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, finalize.StatusCode);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal("已有意见", appraisal!.OrganizationOpinion);
        Assert.Null(appraisal.FinalizedAtUtc);
    }

    [Theory]
    [InlineData("/Appraisals/Leader/{0}?year=2026")]
    [InlineData("/Appraisals/Leader/{0}/Print?year=2026")]
    public async Task A_leader_outside_the_jurisdiction_is_not_found_and_nothing_is_revealed(string template)
    {
        using var app = new TestApp();
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
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        var form = await TestApp.GetFormAsync(client, LeaderUrl(p.Zhang), "#opinion-form");

        var response = await client.PostAsync(PostUrl(p.Outsider, "Finalize"), form.With(
            ("Opinion.OrganizationOpinion", "越权意见"),
            ("Opinion.Grade", nameof(AppraisalGrade.Incompetent))).ToContent());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.FindAppraisalAsync(p.Outsider));
    }

    [Fact]
    public async Task The_secrecy_office_of_another_city_cannot_reach_the_appraisal()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);

        Assert.Null(await app.AsAsync(p.OtherOfficer, s => s.GetAsync(p.Zhang, AppraisalProvince.Year)));
        Assert.Null(await app.AsAsync(p.OtherOfficer, s => s.GetPrintAsync(p.Zhang, AppraisalProvince.Year)));
        Assert.Null(await app.AsAsync(p.OtherOfficer, s => s.FinalizeAsync(p.Zhang, AppraisalProvince.Year, CompleteOpinion)));
        Assert.Null(await app.FindAppraisalAsync(p.Zhang));
    }

    [Fact]
    public async Task A_unit_leader_reads_the_own_units_appraisals_but_not_another_units()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var zhang = await app.LeaderActorAsync("zhang", p.Bureau);

        var own = await app.AsAsync(zhang, s => s.GetAsync(p.Zhang, AppraisalProvince.Year));
        var colleague = await app.AsAsync(zhang, s => s.GetAsync(p.Li, AppraisalProvince.Year));
        var outside = await app.AsAsync(zhang, s => s.GetAsync(p.Outsider, AppraisalProvince.Year));

        Assert.True(own!.IsOwn);
        Assert.True(own.CanWriteDutyReport);
        Assert.False(own.CanWriteOrganizationPart);
        Assert.False(colleague!.IsOwn);
        Assert.False(colleague.CanWriteDutyReport);
        Assert.Null(outside);
    }

    [Fact]
    public async Task An_administrator_of_a_unit_above_writes_the_opinion_within_the_jurisdiction()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var provinceAdministrator = new Core.Access.FixedCurrentUser("province-admin", p.Root, Roles.Administrator);

        var details = await app.AsAsync(provinceAdministrator, s => s.GetAsync(p.Zhang, AppraisalProvince.Year));
        var result = await app.AsAsync(provinceAdministrator, s => s.SaveOrganizationPartAsync(p.Zhang, AppraisalProvince.Year, CompleteOpinion));

        Assert.True(details!.CanWriteOrganizationPart);
        Assert.True(result!.Succeeded);
        Assert.Equal(CompleteOpinion.OrganizationOpinion, (await app.FindAppraisalAsync(p.Zhang))!.OrganizationOpinion);
    }
}
