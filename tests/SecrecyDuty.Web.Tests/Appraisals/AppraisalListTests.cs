using System.Net;
using System.Text;
using MiniExcelLibs;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;
using SecrecyDuty.Web.Tests.Leaders;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>The jurisdiction's in-scope leaders for a year with the state of their appraisal: filtered, paged, exported.</summary>
public sealed class AppraisalListTests
{
    /// <summary>Beside the province's 张教 (nothing yet) and 李保: 王 (opinion given) and 赵 (finalized, excellent).</summary>
    private static async Task<(AppraisalProvince P, int Wang, int Zhao)> ProvinceWithAppraisalsAsync(TestApp app)
    {
        var p = await AppraisalProvince.CreateAsync(app);
        var wang = await app.AddLeaderAsync(p.City, "王市", "QS-003", LeaderRank.DepartmentBureau);
        await app.AddPostingAsync(wang, p.City, PostingRole.PrincipalLeader, new DateOnly(2021, 1, 1), title: "市长");
        var zhao = await app.AddLeaderAsync(p.City, "赵委", "QS-004", LeaderRank.DepartmentBureau);
        await app.AddPostingAsync(zhao, p.City, PostingRole.SecrecyLeader, new DateOnly(2022, 1, 1), title: "秘书长");
        await app.AddAppraisalAsync(p.Li, p.Bureau, dutyReport: "述职");
        await app.AddAppraisalAsync(wang, p.City, opinion: "意见");
        await app.AddAppraisalAsync(zhao, p.City, opinion: "意见", grade: AppraisalGrade.Excellent, finalized: true);
        return (p, wang, zhao);
    }

    private static Task<List<string>> NamesAsync(TestApp app, Core.Access.ICurrentUser actor, AppraisalFilter filter) =>
        app.AsAsync(actor, async s => (await s.ListAsync(filter, 1, 50)).Appraisals.Items.Select(i => i.Name).ToList());

    [Fact]
    public async Task The_list_shows_each_in_scope_leader_of_the_year_with_the_appraisals_status_and_grade()
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var page = await TestApp.GetDocumentAsync(client, "/Appraisals?year=2026");

        var rows = page.QuerySelectorAll("#appraisals-table tbody tr")
            .Select(r => (Name: r.QuerySelector(".appraisal-leader")!.TextContent, Status: r.GetAttribute("data-status"), Shown: r.QuerySelector(".appraisal-status")!.TextContent.Trim(), Grade: r.QuerySelector(".appraisal-grade")!.TextContent))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [("张教", "None", "未开始", "—"), ("李保", "Draft", "草稿", "—"), ("王市", "OpinionGiven", "已提出保密组织意见", "—"), ("赵委", "Finalized", "已定稿", "优秀")],
            rows);
        Assert.Equal("2026年度考核", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Leaders_out_of_scope_deactivated_or_without_a_posting_in_the_year_are_not_listed_unless_already_appraised()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var clerk = await app.AddLeaderAsync(p.Bureau, "科员甲", "QS-010", LeaderRank.Below);
        await app.AddPostingAsync(clerk, p.Bureau, PostingRole.OtherMember, new DateOnly(2025, 1, 1));
        var institute = await app.AddUnitAsync("SF-QS-YJS", "青山研究所", p.City, UnitKind.OtherSecretHandlingUnit);
        var engineer = await app.AddLeaderAsync(institute, "所领导乙", "QS-011", LeaderRank.Below);
        await app.AddPostingAsync(engineer, institute, PostingRole.OtherMember, new DateOnly(2026, 3, 1));
        var retired = await app.AddLeaderAsync(p.Bureau, "已停用丙", "QS-012", LeaderRank.CountyDivision, isActive: false);
        await app.AddPostingAsync(retired, p.Bureau, PostingRole.OtherMember, new DateOnly(2020, 1, 1));
        var predecessor = await app.AddLeaderAsync(p.Bureau, "前任丁", "QS-013", LeaderRank.CountyDivision);
        await app.AddPostingAsync(predecessor, p.Bureau, PostingRole.OtherMember, new DateOnly(2020, 1, 1), to: new DateOnly(2025, 12, 31));
        var appraisedThenDeactivated = await app.AddLeaderAsync(p.Bureau, "已考核戊", "QS-014", LeaderRank.CountyDivision, isActive: false);
        await app.AddAppraisalAsync(appraisedThenDeactivated, p.Bureau, opinion: "意见", grade: AppraisalGrade.Competent, finalized: true);

        var names = await NamesAsync(app, p.Officer, new AppraisalFilter { Year = 2026 });
        var in2025 = await NamesAsync(app, p.Officer, new AppraisalFilter { Year = 2025 });

        // Art. 2: 所领导乙 is below county rank but on the team of an other secret-handling unit.
        Assert.Equal(["已考核戊", "张教", "所领导乙", "李保"], names.Order(StringComparer.Ordinal));
        Assert.Equal(["前任丁", "张教", "李保"], in2025.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Art2_the_head_of_a_small_state_owned_enterprise_is_not_listed_for_appraisal()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var small = await app.AddUnitAsync("SF-QS-XQ", "青山小型国企", p.City, UnitKind.StateOwnedEnterprise);
        var head = await app.AddLeaderAsync(small, "国企甲", "QS-020", LeaderRank.CountyDivision);
        await app.AddPostingAsync(head, small, PostingRole.PrincipalLeader, new DateOnly(2024, 1, 1));

        var names = await NamesAsync(app, p.Officer, new AppraisalFilter { Year = 2026 });

        Assert.DoesNotContain("国企甲", names);
        Assert.Contains("张教", names);
    }

    [Theory]
    [InlineData(AppraisalStatus.None, "张教")]
    [InlineData(AppraisalStatus.Draft, "李保")]
    [InlineData(AppraisalStatus.OpinionGiven, "王市")]
    [InlineData(AppraisalStatus.Finalized, "赵委")]
    public async Task The_list_filters_by_status(AppraisalStatus status, string expected)
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);

        Assert.Equal([expected], await NamesAsync(app, p.Officer, new AppraisalFilter { Year = 2026, Status = status }));
    }

    [Fact]
    public async Task The_list_filters_by_the_unit_keeping_the_record()
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);

        var names = await NamesAsync(app, p.Officer, new AppraisalFilter { Year = 2026, UnitId = p.City, Sort = AppraisalSort.Name, Direction = SortDirection.Descending });

        Assert.Equal(["赵委", "王市"], names);
    }

    [Fact]
    public async Task A_unit_leader_lists_only_his_own_appraisal()
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);
        var zhang = await app.LeaderActorAsync("zhang", p.Bureau);

        var names = await NamesAsync(app, zhang, new AppraisalFilter { Year = 2026 });

        Assert.Equal(["张教"], names);
    }

    [Fact]
    public async Task A_cadre_official_lists_the_jurisdictions_appraisals_awaiting_finalizing()
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);

        Assert.Equal(["王市"], await NamesAsync(app, p.Cadre, new AppraisalFilter { Year = 2026, Status = AppraisalStatus.OpinionGiven }));
        Assert.Equal(4, (await app.AsAsync(p.Cadre, s => s.ListAsync(new AppraisalFilter { Year = 2026 }, 1, 50))).Appraisals.TotalCount);
    }

    [Fact]
    public async Task A_year_not_yet_begun_shows_the_current_year()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);

        var list = await app.AsAsync(p.Officer, s => s.ListAsync(new AppraisalFilter { Year = 2031 }, 1, 25));

        Assert.Equal(2026, list.Year);
        Assert.Equal(2, list.Appraisals.TotalCount);
    }

    [Fact]
    public async Task The_list_is_paged_on_the_server()
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);

        var first = await app.AsAsync(p.Officer, s => s.ListAsync(new AppraisalFilter { Year = 2026 }, 1, 3));
        var second = await app.AsAsync(p.Officer, s => s.ListAsync(new AppraisalFilter { Year = 2026 }, 2, 3));

        Assert.Equal(4, first.Appraisals.TotalCount);
        Assert.Equal(3, first.Appraisals.Items.Count);
        Assert.Single(second.Appraisals.Items);
        Assert.Empty(first.Appraisals.Items.Select(i => i.LeaderId).Intersect(second.Appraisals.Items.Select(i => i.LeaderId)));
    }

    [Fact]
    public async Task The_list_exports_to_CSV_with_the_current_filters()
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var page = await TestApp.GetDocumentAsync(client, $"/Appraisals?year=2026&unitId={p.City}");
        var href = page.QuerySelector("#export-csv")!.GetAttribute("href")!;
        var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("姓名,干部编号,职级,人事关系所在单位,考核状态,考核等次,定稿日期", lines[0]);
        Assert.Equal(["王市,QS-003,厅局级,青山市,已提出保密组织意见,,", "赵委,QS-004,厅局级,青山市,已定稿,优秀,2026-11-20"], lines[1..]);
    }

    [Fact]
    public async Task The_list_exports_to_XLSX_with_the_current_filters()
    {
        using var app = new TestApp();
        var (p, _, _) = await ProvinceWithAppraisalsAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var response = await client.GetAsync("/Appraisals?handler=Export&format=xlsx&year=2026&status=Finalized");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["赵委"], rows.Select(r => r["姓名"]?.ToString()));
        Assert.Equal("优秀", rows[0]["考核等次"]?.ToString());
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_bad_request()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Appraisals?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_list_page_keeps_its_filters_and_order_in_the_pager_the_headers_and_the_export()
    {
        using var app = new TestApp();
        var p = await AppraisalProvince.CreateAsync(app);
        for (var i = 1; i <= 26; i++)
        {
            var leader = await app.AddLeaderAsync(p.City, $"领导{i:00}", $"QS-1{i:00}", LeaderRank.CountyDivision);
            await app.AddPostingAsync(leader, p.City, PostingRole.OtherMember, new DateOnly(2025, 1, 1));
        }

        var appraised = await app.AddLeaderAsync(p.City, "领导99", "QS-199", LeaderRank.CountyDivision);
        await app.AddPostingAsync(appraised, p.City, PostingRole.OtherMember, new DateOnly(2025, 1, 1));
        await app.AddAppraisalAsync(appraised, p.City, dutyReport: "述职");
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#appraisals-table .appraisal-leader").Select(td => td.TextContent)];

        var first = await TestApp.GetDocumentAsync(client, $"/Appraisals?year=2026&unitId={p.City}&status=None&sort=Name&dir=desc");
        var second = await TestApp.GetDocumentAsync(client, ListLinks.Next(first));
        var header = ListLinks.Query(ListLinks.Href(first, "#sort-name"));
        var export = ListLinks.Href(first, "#export-csv");
        var exportQuery = ListLinks.Query(export);

        Assert.Equal([.. Enumerable.Range(2, 25).Reverse().Select(i => $"领导{i:00}")], Names(first));
        Assert.Equal(["领导01"], Names(second));
        Assert.Equal(("2026", $"{p.City}", "None", "Name", "asc"), (header["year"], header["unitId"], header["status"], header["sort"], header["dir"]));
        Assert.False(header.ContainsKey(ListQuery.PageKey));
        Assert.Equal(("2026", $"{p.City}", "None", "Name", "desc"), (exportQuery["year"], exportQuery["unitId"], exportQuery["status"], exportQuery["sort"], exportQuery["dir"]));
        Assert.Equal([.. Enumerable.Range(1, 26).Reverse().Select(i => $"领导{i:00}")], (await ListLinks.CsvRowsAsync(client, export)).Select(l => l.Split(',')[0]));
    }
}
