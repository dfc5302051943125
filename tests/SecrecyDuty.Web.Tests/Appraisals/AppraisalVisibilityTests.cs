using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Appraisals.AppraisalTestData;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>
/// Appraisal grades are personnel records (art. 9): a unit leader reads only his or her own appraisal, by no way
/// whatever (list, export, address), whatever the colleague's role. The principal leader's overall responsibility
/// (art. 5) shows in the team's checklist progress, never in a colleague's grade (docs/decisions/0009).
/// </summary>
public sealed class AppraisalVisibilityTests
{
    /// <summary>张教 (principal leader) finalized as excellent; 李保 (leader in charge of secrecy work) given an opinion and graded incompetent.</summary>
    private static async Task<AppraisalProvince> BothAppraisedAsync(TestApp app)
    {
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "张教履职意见", grade: AppraisalGrade.Excellent, finalized: true, dutyReport: "张教述职");
        await app.AddAppraisalAsync(p.Li, p.Bureau, opinion: "李保履职意见", grade: AppraisalGrade.Incompetent, dutyReport: "李保述职");
        return p;
    }

    [Fact]
    public async Task Art9_deputy_leader_cannot_read_the_principal_leaders_appraisal_in_the_list()
    {
        using var app = TestApp.Rent();
        var p = await BothAppraisedAsync(app);
        var client = await app.SignedInAsync("li");

        var response = await client.GetAsync("/Appraisals?year=2026");
        var page = await TestApp.ParseAsync(response);

        var rows = page.QuerySelectorAll("#appraisals-table tbody tr");
        Assert.Equal(p.Li.ToString(CultureInfo.InvariantCulture), Assert.Single(rows).GetAttribute("data-leader-id"));
        Assert.Equal("不称职", rows[0].QuerySelector(".appraisal-grade")!.TextContent);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("张教", body, StringComparison.Ordinal);
        Assert.DoesNotContain("优秀", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Art9_deputy_leader_cannot_read_the_principal_leaders_appraisal_in_the_export(string format)
    {
        using var app = TestApp.Rent();
        await BothAppraisedAsync(app);
        var client = await app.SignedInAsync("li");

        var response = await client.GetAsync($"/Appraisals?handler=Export&format={format}&year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        List<string> names;
        if (format == "csv")
        {
            var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain(lines, l => l.Contains("优秀", StringComparison.Ordinal));
            names = [.. lines.Skip(1).Select(l => l.Split(',')[0])];
        }
        else
        {
            using var stream = new MemoryStream(bytes);
            names = [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["姓名"]?.ToString() ?? "")];
        }

        Assert.Equal(["李保"], names);
    }

    [Theory]
    [InlineData("/Appraisals/Leader/{0}?year=2026")]
    [InlineData("/Appraisals/Leader/{0}/Print?year=2026")]
    public async Task Art9_deputy_leader_cannot_read_the_principal_leaders_appraisal_by_its_address(string template)
    {
        using var app = TestApp.Rent();
        var p = await BothAppraisedAsync(app);
        var client = await app.SignedInAsync("li");
        string Url(int id) => string.Format(CultureInfo.InvariantCulture, template, id);

        var own = await client.GetAsync(Url(p.Li));
        var principal = await client.GetAsync(Url(p.Zhang));
        var missing = await client.GetAsync(Url(99999));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, principal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await principal.Content.ReadAsStringAsync();
        Assert.DoesNotContain("张教", body, StringComparison.Ordinal);
        Assert.DoesNotContain("张教履职意见", body, StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(principal)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_principal_leader_cannot_read_a_team_members_appraisal_either()
    {
        using var app = TestApp.Rent();
        var p = await BothAppraisedAsync(app);
        var zhang = await app.LeaderActorAsync("zhang", p.Bureau);

        var list = await app.AsAsync(zhang, s => s.ListAsync(new AppraisalFilter { Year = AppraisalProvince.Year }, 1, 50));
        var export = await app.AsAsync(zhang, s => s.ExportAsync(new AppraisalFilter { Year = AppraisalProvince.Year }));

        Assert.Equal([p.Zhang], list.Appraisals.Items.Select(i => i.LeaderId));
        Assert.Equal([p.Zhang], export.Select(i => i.LeaderId));
        Assert.Null(await app.AsAsync(zhang, s => s.GetAsync(p.Li, AppraisalProvince.Year)));
        Assert.Null(await app.AsAsync(zhang, s => s.GetPrintAsync(p.Li, AppraisalProvince.Year)));
        Assert.True((await app.AsAsync(zhang, s => s.GetAsync(p.Zhang, AppraisalProvince.Year)))!.IsOwn);
    }

    [Fact]
    public async Task Art5_principal_leader_sees_the_teams_checklist_progress_but_no_colleagues_grade()
    {
        using var app = TestApp.Rent();
        var p = await BothAppraisedAsync(app);
        await app.Province()
            .WithChecklist(p.ZhangPosting, AppraisalProvince.Year, ChecklistStatus.Open, null, ("C4.1", ChecklistItemStatus.InProgress, null, null))
            .WithChecklist(p.LiPosting, AppraisalProvince.Year, ChecklistStatus.Submitted, null, ("C4.1", ChecklistItemStatus.Fulfilled, "严格遵守", null), ("S6.5", ChecklistItemStatus.Fulfilled, null, null))
            .BuildAsync();
        var client = await app.SignedInAsync("zhang");

        var checklists = await TestApp.GetDocumentAsync(client, "/Checklists?year=2026");
        var team = checklists.QuerySelectorAll("#checklists-table tr.checklist-row")
            .Select(r => (Leader: r.QuerySelector(".leader-name")!.TextContent.Trim(), Status: r.GetAttribute("data-status"), Counts: r.QuerySelector(".item-counts")!.TextContent.Trim()))
            .ToList();
        Assert.Equal([("张教", "Open", "0 / 0 / 0"), ("李保", "Submitted", "2 / 0 / 0")], team);
        var colleaguesChecklist = await client.GetAsync($"/Checklists/Posting/{p.LiPosting.ToString(CultureInfo.InvariantCulture)}?year=2026");
        Assert.Equal(HttpStatusCode.OK, colleaguesChecklist.StatusCode);

        // The colleague's grade and the secrecy organization's opinion of him are nowhere to be seen.
        Assert.DoesNotContain("不称职", checklists.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("李保履职意见", await colleaguesChecklist.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var appraisals = await TestApp.GetDocumentAsync(client, "/Appraisals?year=2026");
        Assert.Equal(["张教"], appraisals.QuerySelectorAll("#appraisals-table .appraisal-leader").Select(e => e.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(LeaderUrl(p.Li))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PrintUrl(p.Li))).StatusCode);
    }
}
