using System.Globalization;
using System.Net;
using System.Text;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Checklists.ChecklistTestData;

namespace SecrecyDuty.Web.Tests.Checklists;

/// <summary>The checklist pages through HTTP, as a browser uses them, in Chinese.</summary>
public sealed class ChecklistPagesTests
{
    private static string PostingUrl(int postingId, string? handler = null) =>
        $"/Checklists/Posting/{Id(postingId)}?year={ChecklistProvince.Year}" + (handler is null ? "" : "&handler=" + handler);

    /// <summary>Opens the posting's checklist, not generated yet, and generates it with the page's button (a GET never writes).</summary>
    private static async Task GenerateAsync(HttpClient client, int postingId)
    {
        var form = await TestApp.GetFormAsync(client, PostingUrl(postingId), "#generate-form");
        var response = await client.PostAsync(PostingUrl(postingId, "Generate"), form.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The checklist form with every item of a 13-item checklist set to <paramref name="status"/>.</summary>
    private static async Task<FormFields> FormWithAllAsync(HttpClient client, int postingId, ChecklistItemStatus status)
    {
        var form = await TestApp.GetFormAsync(client, PostingUrl(postingId), "#checklist-form");
        for (var i = 0; i < 13; i++)
        {
            form.With(($"Input.Items[{i}].Status", status.ToString()));
        }

        return form;
    }

    [Fact]
    public async Task A_leader_finds_the_own_checklist_opens_it_and_submits_it()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsync("zhang");

        var index = await TestApp.GetDocumentAsync(client, "/Checklists");
        var mine = Assert.Single(index.QuerySelectorAll("#my-checklists tr.my-checklist"));
        Assert.Equal("尚未生成", mine.QuerySelector(".checklist-status")!.TextContent);
        var link = mine.QuerySelector("a.open-checklist")!.GetAttribute("href")!;
        Assert.Equal(PostingUrl(p.ZhangPosting), link);

        var notGenerated = await TestApp.GetDocumentAsync(client, link);
        Assert.Equal("该清单尚未生成，由领导干部本人或保密干部生成。", notGenerated.QuerySelector("#not-generated")!.FirstChild!.TextContent.Trim());
        Assert.NotNull(notGenerated.QuerySelector("#generate-checklist"));
        await GenerateAsync(client, p.ZhangPosting);
        var page = await TestApp.GetDocumentAsync(client, link);
        Assert.Equal(10, page.QuerySelectorAll("#code-of-conduct .checklist-item").Length);
        Assert.Equal(["P5.1", "P5.2", "P5.3"], page.QuerySelectorAll("#role-duties .checklist-item").Select(e => e.GetAttribute("data-code")));
        Assert.NotNull(page.QuerySelector("#submit-checklist"));
        Assert.NotEmpty(page.QuerySelectorAll("#checklist-form .secret-warning"));

        var form = await FormWithAllAsync(client, p.ZhangPosting, ChecklistItemStatus.Fulfilled);
        var response = await client.PostAsync(PostingUrl(p.ZhangPosting, "Submit"), form.With(("Input.Items[12].SelfAssessment", "3月、9月两次听取汇报。")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("您的职责清单已提交保密组织。", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("已提交", after.QuerySelector("#checklist-status")!.TextContent);
        Assert.Null(after.QuerySelector("#checklist-form select"));
        Assert.Contains("3月、9月两次听取汇报。", after.QuerySelector("[data-code='P5.3'] .self-assessment")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_with_items_not_started_shows_their_codes_and_keeps_the_entries()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsync("zhang");
        await GenerateAsync(client, p.ZhangPosting);
        var form = await FormWithAllAsync(client, p.ZhangPosting, ChecklistItemStatus.Fulfilled);

        var response = await client.PostAsync(PostingUrl(p.ZhangPosting, "Submit"), form.With(
            ("Input.Items[1].Status", nameof(ChecklistItemStatus.NotStarted)),
            ("Input.Items[0].SelfAssessment", "未泄露国家秘密。")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("提交前请设置每个事项的状态。尚未开始的事项：C4.2。", page.QuerySelector("#checklist-errors li")!.TextContent);
        Assert.Equal("未泄露国家秘密。", page.QuerySelector("textarea[name='Input.Items[0].SelfAssessment']")!.TextContent);
        Assert.Equal(ChecklistStatus.Open, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    [Fact]
    public async Task Not_applicable_without_a_reason_is_shown_beside_the_reason()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsync("zhang");
        await GenerateAsync(client, p.ZhangPosting);
        var form = await TestApp.GetFormAsync(client, PostingUrl(p.ZhangPosting), "#checklist-form");

        var response = await client.PostAsync(PostingUrl(p.ZhangPosting), form.With(("Input.Items[9].Status", nameof(ChecklistItemStatus.NotApplicable))).ToContent());

        var page = await TestApp.ParseAsync(response);
        Assert.Equal("请说明该事项不适用的理由。", page.QuerySelector("[data-valmsg-for='Input.Items[9].NotApplicableReason']")!.TextContent);
        Assert.Equal(ChecklistItemStatus.NotStarted, (await StoredItemsAsync(app, p.ZhangPosting))["C4.10"].Status);
    }

    [Fact]
    public async Task The_secrecy_office_returns_a_checklist_with_its_opinion_and_a_review_without_one_is_refused()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var view = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        await AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.ZhangPosting, ChecklistProvince.Year, All(view!, ChecklistItemStatus.Fulfilled)));
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        var form = await TestApp.GetFormAsync(client, PostingUrl(p.ZhangPosting), "#review-form");

        var empty = await client.PostAsync(PostingUrl(p.ZhangPosting, "Review"), form.With(("Review.Opinion", "")).ToContent());
        var returned = await client.PostAsync(PostingUrl(p.ZhangPosting, "Return"), form.With(("Review.Opinion", "请补充 P5.3 汇报的时间。")).ToContent());

        Assert.Equal("请填写保密组织对本清单的意见。", (await TestApp.ParseAsync(empty)).QuerySelector("[data-valmsg-for='Review.Opinion']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var leader = await app.SignedInAsync("zhang");
        var page = await TestApp.GetDocumentAsync(leader, PostingUrl(p.ZhangPosting));
        Assert.Equal("已退回", page.QuerySelector("#checklist-status")!.TextContent);
        Assert.Contains("请补充 P5.3 汇报的时间。", page.QuerySelector("#organization-opinion")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#submit-checklist"));
        Assert.Null(page.QuerySelector("#review-form"));
    }

    [Fact]
    public async Task Evidence_links_to_the_activity_and_a_missing_briefing_is_hinted()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var briefing = (await app.Province().WithActivity(p.Education, ActivityKind.Briefing, new DateOnly(2026, 3, 12), "听取上半年保密工作汇报").BuildAsync())
            .Activity("听取上半年保密工作汇报");
        var client = await app.SignedInAsync("zhang");
        await GenerateAsync(client, p.ZhangPosting);

        var page = await TestApp.GetDocumentAsync(client, PostingUrl(p.ZhangPosting));

        var item = page.QuerySelector("[data-code='P5.3']")!;
        Assert.Equal($"/Activities/Details/{Id(briefing)}", item.QuerySelector("a.evidence-link")!.GetAttribute("href"));
        Assert.Equal("本省做法为每年 2 次：目前已记录 1 次。", item.QuerySelector(".frequency-hint")!.TextContent);
        Assert.Null(page.QuerySelector("[data-code='P5.1'] .evidence"));
    }

    [Fact]
    public async Task A_supervisor_reads_a_checklist_not_generated_yet_without_generating_it()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("supervisor", Roles.Supervisor, p.Root);

        var page = await TestApp.GetDocumentAsync(client, PostingUrl(p.ZhangPosting));

        Assert.NotNull(page.QuerySelector("#not-generated"));
        Assert.Null(page.QuerySelector("#checklist-form"));
        Assert.Null(await StoredChecklistAsync(app, p.ZhangPosting));
    }

    [Fact]
    public async Task A_checklist_outside_the_jurisdiction_is_not_found_and_reveals_nothing()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var client = await app.SignedInAsAsync("finance.officer", Roles.SecrecyOfficer, p.Finance);

        var outside = await client.GetAsync(PostingUrl(p.ZhangPosting));
        var missing = await client.GetAsync(PostingUrl(99999));
        var inside = await client.GetAsync(PostingUrl(p.QianPosting));

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.DoesNotContain("张教", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Posting_a_review_as_a_supervisor_or_the_items_as_a_colleague_is_forbidden()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var view = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        await AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.ZhangPosting, ChecklistProvince.Year, All(view!, ChecklistItemStatus.Fulfilled)));
        var liView = await OpenAsync(app, p.Li, p.LiPosting);
        var supervisor = await app.SignedInAsAsync("supervisor", Roles.Supervisor, p.Root);

        // 张教, the principal leader, reads 李保's checklist (the team's progress, art. 5) but may not change it.
        var colleague = await app.SignedInAsync("zhang");

        // Neither gets a form; the antiforgery token of any page of the session is enough to post.
        var supervisorPage = await TestApp.GetDocumentAsync(supervisor, PostingUrl(p.ZhangPosting));
        Assert.Null(supervisorPage.QuerySelector("#review-form"));
        var token = (await TestApp.GetFormAsync(supervisor, PostingUrl(p.ZhangPosting), "#culture-form")).Without("culture");
        var review = await supervisor.PostAsync(PostingUrl(p.ZhangPosting, "Review"), token.With(("Review.Opinion", "同意。")).ToContent());
        var colleagueToken = (await TestApp.GetFormAsync(colleague, PostingUrl(p.LiPosting), "#culture-form")).Without("culture");
        var save = await colleague.PostAsync(PostingUrl(p.LiPosting), colleagueToken.With(("Input.Items[0].ItemId", Id(liView!.Checklist!.Items[0].Id)), ("Input.Items[0].Status", "InProgress")).ToContent());

        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(ChecklistStatus.Submitted, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
        Assert.Equal(ChecklistItemStatus.NotStarted, (await StoredItemsAsync(app, p.LiPosting))["C4.1"].Status);
    }

    [Fact]
    public async Task The_jurisdiction_list_shows_every_posting_holding_in_the_year_and_filters_by_unit_status_and_role()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);

        async Task<List<string>> LeadersAsync(string query) =>
            [.. (await TestApp.GetDocumentAsync(client, "/Checklists?" + query)).QuerySelectorAll("#checklists-table .leader-name").Select(e => e.TextContent.Trim())];

        // 赵前's posting ended in 2025; units in code order, then roles in the order of arts. 5–7.
        Assert.Equal(["钱财", "张教", "李保", "王业"], await LeadersAsync("year=2026"));
        Assert.Equal(["钱财"], await LeadersAsync("year=2026&unitId=" + Id(p.Finance)));
        Assert.Equal(["张教"], await LeadersAsync("year=2026&status=Open"));
        Assert.Equal(["钱财", "李保", "王业"], await LeadersAsync("year=2026&status=NotGenerated"));
        Assert.Equal(["李保"], await LeadersAsync("year=2026&role=SecrecyLeader"));
        Assert.Equal(["张教", "赵前"], await LeadersAsync("year=2025&role=PrincipalLeader&unitId=" + Id(p.Education)));

        // Descending reverses the units; within a unit, roles keep the order of the articles.
        Assert.Equal(["张教", "李保", "王业", "钱财"], await LeadersAsync("year=2026&sort=Unit&dir=desc"));
    }

    [Fact]
    public async Task The_export_has_every_row_of_the_current_filters_in_csv_and_xlsx()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var view = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        await AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.ZhangPosting, ChecklistProvince.Year, One(view!, "P5.1", ChecklistItemStatus.Fulfilled)));
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        var list = await TestApp.GetDocumentAsync(client, "/Checklists?year=2026&unitId=" + Id(p.Education));

        var csv = await client.GetAsync(list.QuerySelector("#export-csv")!.GetAttribute("href")!);
        var xlsx = await client.GetAsync(list.QuerySelector("#export-xlsx")!.GetAttribute("href")!);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("清单年度,单位代码,单位,领导干部,角色,职务,状态,清单事项,已落实事项数,不适用事项数,未开始事项数,清单提交时间（UTC）,清单审核时间（UTC）", lines[0]);
        Assert.Equal(["张教", "李保", "王业"], lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.StartsWith("2026,SF-JYT,示范省教育厅,张教,主要领导,厅长,填写中,13,1,0,12,", lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task A_principal_leader_sees_the_own_checklists_and_only_the_own_units_list()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsync("zhang");

        var index = await TestApp.GetDocumentAsync(client, "/Checklists");

        Assert.Equal(Id(p.ZhangPosting), Assert.Single(index.QuerySelectorAll("#my-checklists tr.my-checklist")).GetAttribute("data-posting"));
        Assert.Equal(["张教", "李保", "王业"], index.QuerySelectorAll("#checklists-table .leader-name").Select(e => e.TextContent.Trim()));
        Assert.Null(index.QuerySelector("#generate-form"));
    }

    [Fact]
    public async Task The_secrecy_office_generates_a_units_missing_checklists_from_the_list()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        var form = await TestApp.GetFormAsync(client, "/Checklists", "#generate-form");

        var response = await client.PostAsync("/Checklists?handler=Generate", form.With(
            ("Generate.UnitId", Id(p.Education)),
            ("Generate.Year", "2026")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("已生成 2026 年度职责清单 3 份。", list.QuerySelector("[role=status]")!.TextContent);
        Assert.All(list.QuerySelectorAll("#checklists-table tr.checklist-row"), row => Assert.Equal("Open", row.GetAttribute("data-status")));
        Assert.Equal(3, list.QuerySelectorAll("#checklists-table tr.checklist-row").Length);
    }

    [Fact]
    public async Task Bulk_generation_for_a_future_year_is_refused_beside_the_year()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        var form = await TestApp.GetFormAsync(client, "/Checklists", "#generate-form");

        var response = await client.PostAsync("/Checklists?handler=Generate", form.With(
            ("Generate.UnitId", Id(p.Education)),
            ("Generate.Year", (ChecklistProvince.Year + 1).ToString(CultureInfo.InvariantCulture))).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请输入 2000 年至本年度之间的年份。", (await TestApp.ParseAsync(response)).QuerySelector("[data-valmsg-for='Generate.Year']")!.TextContent);
        Assert.Null(await StoredChecklistAsync(app, p.LiPosting));
    }

    [Fact]
    public async Task The_list_page_keeps_its_filters_and_order_in_the_pager_the_headers_and_the_export()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var team = app.Province()
            .WithUnit("SF-WJW", "示范省卫健委", parent: p.Root)
            .WithLeader("主任甲", "SF-WJW", rank: LeaderRank.DepartmentBureau)
            .WithPosting("主任甲", PostingRole.PrincipalLeader, new DateOnly(2025, 1, 1), title: "主任");
        for (var i = 1; i <= 26; i++)
        {
            team.WithLeader($"委员{i:00}", "SF-WJW", rank: LeaderRank.DepartmentBureau)
                .WithPosting($"委员{i:00}", PostingRole.OtherMember, new DateOnly(2025, 1, 1), title: "副主任");
        }

        var health = (await team.BuildAsync()).Unit("SF-WJW");
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        static List<string> Leaders(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#checklists-table .leader-name").Select(e => e.TextContent.Trim())];

        var first = await TestApp.GetDocumentAsync(client, $"/Checklists?year=2026&unitId={Id(health)}&role=OtherMember&sort=Leader&dir=desc");
        var second = await TestApp.GetDocumentAsync(client, ListLinks.Next(first));
        var header = ListLinks.Query(ListLinks.Href(first, "#sort-leader"));
        var export = ListLinks.Href(first, "#export-csv");
        var exportQuery = ListLinks.Query(export);

        Assert.Equal([.. Enumerable.Range(2, 25).Reverse().Select(i => $"委员{i:00}")], Leaders(first));
        Assert.Equal(["委员01"], Leaders(second));
        Assert.Equal(("2026", Id(health), "OtherMember", "Leader", "asc"), (header["year"], header["unitId"], header["role"], header["sort"], header["dir"]));
        Assert.False(header.ContainsKey(ListQuery.PageKey));
        Assert.Equal(("2026", Id(health), "OtherMember", "Leader", "desc"), (exportQuery["year"], exportQuery["unitId"], exportQuery["role"], exportQuery["sort"], exportQuery["dir"]));
        Assert.Equal([.. Enumerable.Range(1, 26).Reverse().Select(i => $"委员{i:00}")], (await ListLinks.CsvRowsAsync(client, export)).Select(l => l.Split(',')[3]));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Checklists?handler=Export&format=pdf")).StatusCode);
    }
}
