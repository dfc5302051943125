using System.Net;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Web.Tests.Appraisals;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Account;

/// <summary>
/// The cadre official (组织人事干部, arts. 9 and 17) acts over its unit and every unit below it: it reads leaders, units
/// and appraisals there and maintains no master data.
/// </summary>
public sealed class CadreOfficialTests
{
    [Fact]
    public async Task A_cadre_official_reads_the_units_and_leaders_of_the_jurisdiction_but_maintains_none()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);

        var units = await TestApp.GetDocumentAsync(client, "/Units");
        var leaders = await client.GetAsync("/Leaders");
        var leadersText = await leaders.Content.ReadAsStringAsync();

        Assert.Contains("青山市教育局", units.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("碧海市", units.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(units.QuerySelector("#create-unit"));
        Assert.Equal(HttpStatusCode.OK, leaders.StatusCode);
        Assert.Contains("张教", leadersText, StringComparison.Ordinal);
        Assert.DoesNotContain("碧海人", leadersText, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"create-leader\"", leadersText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Units/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Leaders/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Leaders/Edit/{p.Zhang}")).StatusCode);
    }

    [Fact]
    public async Task The_cadre_officials_home_page_counts_the_appraisals_awaiting_finalizing()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见");
        await app.AddAppraisalAsync(p.Li, p.Bureau, dutyReport: "述职");
        await app.AddAppraisalAsync(p.Outsider, p.OtherCity, opinion: "碧海市的意见");
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);

        var home = await TestApp.GetDocumentAsync(client, "/");

        // 李保's appraisal has no opinion yet; 碧海人's is outside the jurisdiction.
        Assert.Equal("2026年度：1 份考核已有保密组织意见、待定稿；已定稿 0 份。", home.QuerySelector("#cadre-summary")!.TextContent);
        var link = home.QuerySelector("#cadre-awaiting-link")!.GetAttribute("href")!;
        Assert.Contains($"Status={nameof(AppraisalStatus.OpinionGiven)}", link, StringComparison.Ordinal);
        var awaiting = await TestApp.GetDocumentAsync(client, link);
        Assert.Equal(["张教"], awaiting.QuerySelectorAll("#appraisals-table .appraisal-leader").Select(e => e.TextContent));
    }
}
