using System.Net;
using System.Text;
using MiniExcelLibs;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>The leader list: searched, filtered, sorted and paged on the server, exported with its filters.</summary>
public sealed class LeaderListTests
{
    private sealed record Province(int Root, int Bureau, int Lab, FixedCurrentUser Officer);

    /// <summary>
    /// 示范省 with a bureau and a secret-handling institute. In scope today: 赵 (rank), 钱 (rank), 孙 (sits on the
    /// institute's team); not in scope: 李 (below rank, ordinary unit), 周 (below rank, the institute posting has ended).
    /// 吴 is deactivated.
    /// </summary>
    private static async Task<Province> ProvinceAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-BMJ", "示范省保密局", parent: "P", kind: UnitKind.StateOrgan)
            .WithUnit("P-LAB", "示范省某研究所", parent: "P", kind: UnitKind.OtherSecretHandlingUnit)
            .WithLeader("赵省长", "P", "A-003", LeaderRank.ProvincialMinisterial)
            .WithLeader("钱局长", "P-BMJ", "A-001", LeaderRank.DepartmentBureau, isPartyMember: false)
            .WithLeader("孙所长", "P-LAB", "A-005", LeaderRank.Below)
            .WithPosting("孙所长", PostingRole.PrincipalLeader, new DateOnly(2025, 1, 1))
            .WithLeader("李科长", "P-BMJ", "A-002", LeaderRank.Below)
            .WithPosting("李科长", PostingRole.OtherMember, new DateOnly(2025, 1, 1))
            .WithLeader("周副所长", "P-LAB", "A-004", LeaderRank.Below)
            .WithPosting("周副所长", PostingRole.OtherMember, new DateOnly(2024, 1, 1), LeaderTestData.Today.AddDays(-1))
            .WithLeader("吴处长", "P-BMJ", "A-006", LeaderRank.CountyDivision, active: false)
            .BuildAsync();
        var root = built.Unit("P");
        var bureau = built.Unit("P-BMJ");
        var lab = built.Unit("P-LAB");
        return new Province(root, bureau, lab, new FixedCurrentUser("officer", root, Roles.SecrecyOfficer));
    }

    private static Task<List<string>> StaffNumbersAsync(TestApp app, ICurrentUser actor, LeaderFilter filter, int page = 1, int pageSize = 50) =>
        app.InScopeAsync(async sp => (await TestApp.ServiceFor<LeaderService>(sp, actor).ListAsync(filter, page, pageSize)).Items.Select(i => i.StaffNumber).ToList());

    [Fact]
    public async Task Art2_the_in_scope_filter_takes_rank_and_current_seats_on_secret_handling_teams()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        Assert.Equal(["A-001", "A-003", "A-005"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { InScope = true, Sort = LeaderSort.StaffNumber }));
        Assert.Equal(["A-002", "A-004"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { InScope = false, Sort = LeaderSort.StaffNumber }));
    }

    [Fact]
    public async Task Art2_the_list_shows_whether_each_leader_is_in_scope()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        var items = await app.InScopeAsync(async sp =>
            (await TestApp.ServiceFor<LeaderService>(sp, p.Officer).ListAsync(new LeaderFilter { Sort = LeaderSort.StaffNumber }, 1, 50)).Items);

        Assert.Equal([true, false, true, false, true], items.Select(i => i.InScope));
    }

    [Fact]
    public async Task Art2_a_seat_on_a_secret_handling_team_counts_until_the_last_day_of_the_posting()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        await app.Province()
            .WithLeader("郑副所长", p.Lab, "A-007", LeaderRank.Below)
            .WithPosting("郑副所长", PostingRole.OtherMember, new DateOnly(2024, 1, 1), LeaderTestData.Today)
            .BuildAsync();

        Assert.Contains("A-007", await StaffNumbersAsync(app, p.Officer, new LeaderFilter { InScope = true }));

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.DoesNotContain("A-007", await StaffNumbersAsync(app, p.Officer, new LeaderFilter { InScope = true }));
        Assert.Contains("A-007", await StaffNumbersAsync(app, p.Officer, new LeaderFilter { InScope = false }));
    }

    [Fact]
    public async Task The_list_is_searched_by_the_start_of_a_name_or_of_a_staff_number()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        Assert.Equal(["A-001"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Search = "钱" }));
        Assert.Equal(["A-001"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Search = "钱局长" }));
        Assert.Equal(["A-004"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Search = " A-004 " }));
        Assert.Equal(["A-001", "A-002", "A-003", "A-004", "A-005"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Search = "A-00", Sort = LeaderSort.StaffNumber }));

        // Not anywhere in them (docs/decisions/0025): a search inside every name reads every leader of the province.
        Assert.Empty(await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Search = "局长" }));
        Assert.Empty(await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Search = "004" }));
    }

    [Fact]
    public async Task The_list_is_filtered_by_rank_party_membership_and_unit()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        Assert.Equal(["A-002", "A-004", "A-005"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Rank = LeaderRank.Below, Sort = LeaderSort.StaffNumber }));
        Assert.Equal(["A-001"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { PartyMember = false }));
        Assert.Equal(["A-001", "A-002"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { UnitId = p.Bureau, Sort = LeaderSort.StaffNumber }));
    }

    [Fact]
    public async Task Deactivated_leaders_are_listed_only_when_asked_for()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        Assert.DoesNotContain("A-006", await StaffNumbersAsync(app, p.Officer, new LeaderFilter()));
        Assert.Equal(["A-006"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Status = LeaderStatusFilter.Deactivated }));
        Assert.Equal(6, (await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Status = LeaderStatusFilter.All })).Count);
    }

    [Fact]
    public async Task The_list_is_sorted_by_name_staff_number_or_rank()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        Assert.Equal(["A-001", "A-002", "A-003", "A-004", "A-005"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Sort = LeaderSort.StaffNumber }));
        Assert.Equal(["A-005", "A-004", "A-003", "A-002", "A-001"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Sort = LeaderSort.StaffNumber, Direction = SortDirection.Descending }));

        // Rank by its meaning (stored as text), not alphabetically; the three below tie (ordered by name).
        var byRank = await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Sort = LeaderSort.Rank, Direction = SortDirection.Descending });
        Assert.Equal(["A-003", "A-001"], byRank.Take(2));
        Assert.Equal(["A-002", "A-004", "A-005"], byRank.Skip(2).Order());
        var ascending = await StaffNumbersAsync(app, p.Officer, new LeaderFilter { Sort = LeaderSort.Rank });
        Assert.Equal(["A-001", "A-003"], ascending.TakeLast(2));

        // Names: Latin ones, whose order is the same under SQLite's and SQL Server's collations (Chinese names are not).
        var latin = (await app.Province().WithUnit("P-X", "Latin", parent: p.Root, kind: UnitKind.StateOrgan).BuildAsync()).Unit("P-X");
        foreach (var (name, staff) in new[] { ("Carol", "X-1"), ("Alice", "X-2"), ("Bob", "X-3") })
        {
            await app.Province().WithLeader(name, latin, staff).BuildAsync();
        }

        Assert.Equal(["X-2", "X-3", "X-1"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { UnitId = latin, Sort = LeaderSort.Name }));
        Assert.Equal(["X-1", "X-3", "X-2"], await StaffNumbersAsync(app, p.Officer, new LeaderFilter { UnitId = latin, Sort = LeaderSort.Name, Direction = SortDirection.Descending }));
    }

    [Fact]
    public async Task The_list_is_paged_on_the_server()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);

        var page = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, p.Officer).ListAsync(new LeaderFilter { Sort = LeaderSort.StaffNumber }, 2, 2));

        Assert.Equal(["A-003", "A-004"], page.Items.Select(i => i.StaffNumber));
        Assert.Equal((5, 3, true, true), (page.TotalCount, page.PageCount, page.HasPrevious, page.HasNext));
    }

    [Fact]
    public async Task The_list_page_keeps_filters_in_its_sort_pager_and_export_links()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);

        var page = await TestApp.GetDocumentAsync(client, "/Leaders?inScope=true&sort=Rank&dir=desc");

        var rows = page.QuerySelectorAll("#leaders-table tbody tr .leader-staff-number").Select(td => td.TextContent).ToList();
        Assert.Equal(["A-003", "A-001", "A-005"], rows);
        Assert.All(page.QuerySelectorAll("#leaders-table .leader-in-scope"), td => Assert.Equal("是", td.TextContent));
        Assert.Contains("inScope=True", page.QuerySelector("#export-csv")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("sort=Rank&dir=asc", page.QuerySelector("#sort-rank")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("inScope=True", page.QuerySelector("#sort-name")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_exports_to_CSV_with_the_current_filters()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);

        var response = await client.GetAsync("/Leaders?handler=Export&format=csv&inScope=false&sort=StaffNumber");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("姓名,干部编号,职级,中共党员,适用本办法（第二条）,人事关系所在单位,电话,电子邮箱,状态", lines[0]);
        Assert.Equal(["李科长,A-002,乡科级及以下,是,否,示范省保密局,,,正常", "周副所长,A-004,乡科级及以下,是,否,示范省某研究所,,,正常"], lines[1..]);
    }

    [Fact]
    public async Task The_list_exports_to_XLSX_with_the_current_filters()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);

        var response = await client.GetAsync($"/Leaders?handler=Export&format=xlsx&unitId={p.Bureau}&sort=StaffNumber");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["A-001", "A-002"], rows.Select(r => r["干部编号"]?.ToString()));
        Assert.Equal("厅局级", rows[0]["职级"]?.ToString());
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_bad_request()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Leaders?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_list_page_keeps_its_filters_and_order_in_the_pager_the_headers_and_the_export()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var bureau = app.Province().WithLeader("非党处长", p.Bureau, "C-99", isPartyMember: false);
        for (var i = 1; i <= 26; i++)
        {
            bureau.WithLeader($"处长{i:00}", p.Bureau, $"C-{i:00}");
        }

        await bureau.BuildAsync();
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        static List<string> StaffNumbers(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#leaders-table .leader-staff-number").Select(td => td.TextContent)];

        var first = await TestApp.GetDocumentAsync(client, $"/Leaders?rank=CountyDivision&partyMember=true&unitId={p.Bureau}&sort=StaffNumber&dir=desc");
        var second = await TestApp.GetDocumentAsync(client, ListLinks.Next(first));
        var header = ListLinks.Query(ListLinks.Href(first, "#sort-staff-number"));
        var export = ListLinks.Href(first, "#export-csv");
        var exportQuery = ListLinks.Query(export);

        Assert.Equal([.. Enumerable.Range(2, 25).Reverse().Select(i => $"C-{i:00}")], StaffNumbers(first));
        Assert.Equal(["C-01"], StaffNumbers(second));
        Assert.Equal(("CountyDivision", "True", $"{p.Bureau}", "StaffNumber", "asc"), (header["rank"], header["partyMember"], header["unitId"], header["sort"], header["dir"]));
        Assert.False(header.ContainsKey(ListQuery.PageKey));
        Assert.Equal(("CountyDivision", "True", $"{p.Bureau}", "StaffNumber", "desc"), (exportQuery["rank"], exportQuery["partyMember"], exportQuery["unitId"], exportQuery["sort"], exportQuery["dir"]));
        Assert.Equal([.. Enumerable.Range(1, 26).Reverse().Select(i => $"C-{i:00}")], (await ListLinks.CsvRowsAsync(client, export)).Select(l => l.Split(',')[1]));
    }
}
