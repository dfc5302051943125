using System.Net;
using System.Text;
using MiniExcelLibs;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Activities;

/// <summary>The activity list: searched, filtered, sorted and paged on the server, exported with its filters, within the jurisdiction.</summary>
public sealed class ActivityListTests
{
    private static Activity Make(int unitId, ActivityKind kind, DateOnly date, string title, string topics, params int[] present) => new()
    {
        UnitId = unitId,
        Kind = kind,
        Date = date,
        Title = title,
        Presenters = "刘芳",
        Topics = topics,
        HeadCount = kind == ActivityKind.Training ? 30 : null,
        Audience = kind == ActivityKind.Training ? "新入职人员" : null,
        Attendance = [.. present.Select(id => new ActivityAttendance { PostingId = id })],
    };

    /// <summary>Four activities of the department, one of the health commission, one of the other province.</summary>
    private static async Task<Province> SampleAsync(TestApp app, bool withAccounts = false)
    {
        var p = await Province.CreateAsync(app, withAccounts);
        await app.AddActivitiesAsync(
            Make(p.Department, ActivityKind.Briefing, new DateOnly(2026, 3, 15), "上半年汇报", "定密", p.Zhang, p.Wang),
            Make(p.Department, ActivityKind.Briefing, new DateOnly(2026, 11, 20), "下半年汇报", "保密检查", p.Zhang),
            Make(p.Department, ActivityKind.MemberMeeting, new DateOnly(2026, 5, 10), "成员会议", "网络保密", p.Li),
            Make(p.Department, ActivityKind.Training, new DateOnly(2025, 9, 1), "新员工保密培训", "保密法"),
            Make(p.Health, ActivityKind.Briefing, new DateOnly(2026, 7, 1), "卫健委汇报", "定密工作", p.HealthPrincipal),
            Make(p.Outside, ActivityKind.Briefing, new DateOnly(2026, 4, 1), "外省汇报", "定密", p.OutsidePrincipal));
        return p;
    }

    private static Task<List<string>> TitlesAsync(TestApp app, ICurrentUser actor, ActivityFilter filter) =>
        app.ActivitiesAsync(actor, async s => (await s.ListAsync(filter, 1, 100)).Items.Select(a => a.Title).ToList());

    [Fact]
    public async Task The_list_filters_by_unit_kind_year_and_half_year_within_the_jurisdiction()
    {
        using var app = new TestApp();
        var p = await SampleAsync(app);

        Assert.Equal(["下半年汇报", "卫健委汇报", "成员会议", "上半年汇报", "新员工保密培训"], await TitlesAsync(app, p.Officer, new ActivityFilter()));
        Assert.Equal(["下半年汇报", "成员会议", "上半年汇报", "新员工保密培训"], await TitlesAsync(app, p.Officer, new ActivityFilter { UnitId = p.Department }));
        Assert.Equal(["下半年汇报", "卫健委汇报", "上半年汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { Kind = ActivityKind.Briefing }));
        Assert.Equal(["新员工保密培训"], await TitlesAsync(app, p.Officer, new ActivityFilter { Year = 2025 }));
        Assert.Equal(["成员会议", "上半年汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { Year = 2026, Half = 1 }));
        Assert.Equal(["下半年汇报", "卫健委汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { Year = 2026, Half = 2 }));
        Assert.Equal(["下半年汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { UnitId = p.Department, Kind = ActivityKind.Briefing, Year = 2026, Half = 2 }));
    }

    [Fact]
    public async Task The_half_year_boundaries_are_June_30_and_July_1()
    {
        using var app = new TestApp();
        var p = await Province.CreateAsync(app);
        await app.AddActivitiesAsync(
            Make(p.Department, ActivityKind.Briefing, new DateOnly(2026, 6, 30), "六月末", "议题"),
            Make(p.Department, ActivityKind.Briefing, new DateOnly(2026, 7, 1), "七月初", "议题"),
            Make(p.Department, ActivityKind.Briefing, new DateOnly(2025, 12, 31), "去年末", "议题"));

        Assert.Equal(["六月末"], await TitlesAsync(app, p.Officer, new ActivityFilter { Year = 2026, Half = 1 }));
        Assert.Equal(["七月初"], await TitlesAsync(app, p.Officer, new ActivityFilter { Year = 2026, Half = 2 }));
    }

    [Fact]
    public async Task A_half_year_without_a_year_filters_nothing()
    {
        using var app = new TestApp();
        var p = await SampleAsync(app);

        Assert.Equal(5, (await TitlesAsync(app, p.Officer, new ActivityFilter { Half = 1 })).Count);
    }

    [Fact]
    public async Task The_search_matches_the_title_or_the_topics()
    {
        using var app = new TestApp();
        var p = await SampleAsync(app);

        Assert.Equal(["卫健委汇报", "上半年汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { Search = "定密" }));
        Assert.Equal(["新员工保密培训"], await TitlesAsync(app, p.Officer, new ActivityFilter { Search = " 培训 " }));
    }

    [Fact]
    public async Task The_list_sorts_by_date_kind_and_unit_both_ways()
    {
        using var app = new TestApp();
        var p = await SampleAsync(app);

        Assert.Equal(["新员工保密培训", "上半年汇报", "成员会议", "卫健委汇报", "下半年汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { Sort = ActivitySort.Date, Direction = SortDirection.Ascending }));

        // Kinds in the order of the duties (P5.3, S6.5, S6.2, S6.3, …), then the latest first.
        Assert.Equal(["下半年汇报", "卫健委汇报", "上半年汇报", "成员会议", "新员工保密培训"], await TitlesAsync(app, p.Officer, new ActivityFilter { Sort = ActivitySort.Kind, Direction = SortDirection.Ascending }));
        Assert.Equal(["新员工保密培训", "成员会议", "下半年汇报", "卫健委汇报", "上半年汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { Sort = ActivitySort.Kind, Direction = SortDirection.Descending }));

        // Unit names compare by code point: 卫 (U+536B) before 教 (U+6559).
        Assert.Equal(["卫健委汇报", "下半年汇报", "成员会议", "上半年汇报", "新员工保密培训"], await TitlesAsync(app, p.Officer, new ActivityFilter { Sort = ActivitySort.Unit, Direction = SortDirection.Ascending }));
        Assert.Equal(["下半年汇报", "成员会议", "上半年汇报", "新员工保密培训", "卫健委汇报"], await TitlesAsync(app, p.Officer, new ActivityFilter { Sort = ActivitySort.Unit, Direction = SortDirection.Descending }));
    }

    [Fact]
    public async Task A_unit_leader_lists_the_own_units_activities_only()
    {
        using var app = new TestApp();
        var p = await SampleAsync(app);

        Assert.Equal(["下半年汇报", "成员会议", "上半年汇报", "新员工保密培训"], await TitlesAsync(app, p.Leader, new ActivityFilter()));
        Assert.Empty(await TitlesAsync(app, p.Leader, new ActivityFilter { UnitId = p.Health }));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_repeating_or_skipping()
    {
        using var app = new TestApp();
        var p = await Province.CreateAsync(app);

        // Thirty briefings, several on the same day: the order must still be total.
        await app.AddActivitiesAsync([.. Enumerable.Range(1, 30).Select(i => Make(p.Department, ActivityKind.Briefing, new DateOnly(2026, 1, 1 + (i % 5)), $"汇报{i:D2}", "议题"))]);

        var first = await app.ActivitiesAsync(p.Officer, s => s.ListAsync(new ActivityFilter(), 1, 25));
        var second = await app.ActivitiesAsync(p.Officer, s => s.ListAsync(new ActivityFilter(), 2, 25));

        Assert.Equal((30, 2, 25, 5), (first.TotalCount, first.PageCount, first.Items.Count, second.Items.Count));
        Assert.Equal(30, first.Items.Concat(second.Items).Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_page_shows_the_filtered_list_with_kinds_and_duty_codes()
    {
        using var app = new TestApp();
        await SampleAsync(app, withAccounts: true);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        var page = await TestApp.GetDocumentAsync(client, "/Activities?kind=Briefing&year=2026&half=2&pageNumber=1");

        Assert.Equal(["下半年汇报", "卫健委汇报"], page.QuerySelectorAll("#activities-table .activity-title").Select(td => td.TextContent.Trim()));
        Assert.Contains("P5.3", page.QuerySelector("#activities-table .activity-kind")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("听取保密组织的情况汇报", page.QuerySelector("#activities-table .activity-kind")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("selected", page.QuerySelector("#half option[value='2']")!.GetAttribute("selected"));
        Assert.Contains("handler=Export", page.QuerySelector("#export-csv")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("half=2", page.QuerySelector("#export-csv")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_export_carries_the_current_filters_and_the_attendees()
    {
        using var app = new TestApp();
        await SampleAsync(app, withAccounts: true);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        var response = await client.GetAsync("/Activities?handler=Export&format=csv&kind=Briefing&sort=Date&dir=asc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("日期,类型,职责,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-03-15,", lines[1], StringComparison.Ordinal);
        Assert.Contains("上半年汇报", lines[1], StringComparison.Ordinal);
        Assert.Contains("张教", lines[1], StringComparison.Ordinal);
        Assert.Contains("王书记", lines[1], StringComparison.Ordinal);
        Assert.Contains("P5.3", lines[1], StringComparison.Ordinal);
        Assert.Contains("卫健委汇报", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("外省", StringComparison.Ordinal) || l.Contains("成员会议", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_XLSX_export_has_a_row_per_activity_of_the_filter()
    {
        using var app = new TestApp();
        await SampleAsync(app, withAccounts: true);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "leader");

        var response = await client.GetAsync("/Activities?handler=Export&format=xlsx&year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["下半年汇报", "成员会议", "上半年汇报"], rows.Select(r => r["标题"]?.ToString()));
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_bad_request()
    {
        using var app = new TestApp();
        await SampleAsync(app, withAccounts: true);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Activities?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_list_page_keeps_its_filters_and_order_in_the_pager_the_headers_and_the_export()
    {
        using var app = new TestApp();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.AddActivitiesAsync([
            .. Enumerable.Range(1, 27).Select(i => Make(p.Department, ActivityKind.Briefing, new DateOnly(2026, 1, 1).AddDays(i), $"汇报{i:00}", "议题")),
            Make(p.Department, ActivityKind.Training, new DateOnly(2026, 3, 1), "培训", "议题"),
            Make(p.Department, ActivityKind.Briefing, new DateOnly(2025, 3, 1), "去年的汇报", "议题")]);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");
        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#activities-table .activity-title").Select(td => td.TextContent.Trim())];

        // The latest first is the default: ascending must be asked for.
        var first = await TestApp.GetDocumentAsync(client, $"/Activities?unitId={p.Department}&kind=Briefing&year=2026&sort=Date&dir=asc");
        var second = await TestApp.GetDocumentAsync(client, ListLinks.Next(first));
        var header = ListLinks.Query(ListLinks.Href(first, "#sort-date"));
        var otherColumn = ListLinks.Query(ListLinks.Href(first, "#sort-kind"));
        var export = ListLinks.Href(first, "#export-csv");
        var exportQuery = ListLinks.Query(export);

        Assert.Equal([.. Enumerable.Range(1, 25).Select(i => $"汇报{i:00}")], Titles(first));
        Assert.Equal(["汇报26", "汇报27"], Titles(second));
        Assert.Equal(($"{p.Department}", "Briefing", "2026", "Date", "desc"), (header["unitId"], header["kind"], header["year"], header["sort"], header["dir"]));
        Assert.Equal(("Kind", "asc"), (otherColumn["sort"], otherColumn["dir"]));
        Assert.False(header.ContainsKey(ListQuery.PageKey));
        Assert.Equal(($"{p.Department}", "Briefing", "2026", "Date", "asc"), (exportQuery["unitId"], exportQuery["kind"], exportQuery["year"], exportQuery["sort"], exportQuery["dir"]));
        Assert.Equal([.. Enumerable.Range(1, 27).Select(i => new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))], (await ListLinks.CsvRowsAsync(client, export)).Select(l => l.Split(',')[0]));
    }
}
