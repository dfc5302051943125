using System.Net;
using System.Text;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Units;

/// <summary>The unit list: searchable, filterable, sortable and paged on the server, exported with its filters.</summary>
public sealed class UnitListTests
{
    private sealed record Sample(int Root, int City, FixedCurrentUser Admin);

    // P 示范省 (PartyOrgan, Provincial)
    // ├─ P-A 甲市 (StateOrgan, Prefectural) ── P-A-1 甲市学校 (PublicInstitution, County, deactivated)
    // ├─ P-B 乙集团 (StateOwnedEnterprise, Prefectural)
    // └─ P-C 丙协会 (SocialOrganization, Provincial)
    private static async Task<Sample> SampleAsync(TestApp app)
    {
        var p = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-A", "甲市", parent: "P", kind: UnitKind.StateOrgan, level: AdministrativeLevel.Prefectural)
            .WithUnit("P-A-1", "甲市学校", parent: "P-A", kind: UnitKind.PublicInstitution, level: AdministrativeLevel.County, active: false)
            .WithUnit("P-B", "乙集团", parent: "P", kind: UnitKind.StateOwnedEnterprise, level: AdministrativeLevel.Prefectural)
            .WithUnit("P-C", "丙协会", parent: "P", kind: UnitKind.SocialOrganization, level: AdministrativeLevel.Provincial)
            .BuildAsync();
        return new Sample(p.Unit("P"), p.Unit("P-A"), new FixedCurrentUser("a", p.Unit("P"), Roles.Administrator));
    }

    private static Task<List<string>> CodesAsync(TestApp app, ICurrentUser actor, UnitListQuery query) =>
        app.AsAsync(actor, async units => (await units.ListFilteredAsync(query, 1, 100)).Items.Select(u => u.Code).ToList());

    [Fact]
    public async Task The_search_matches_name_or_code()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);

        Assert.Equal(["P-A", "P-A-1"], await CodesAsync(app, s.Admin, new UnitListQuery(Search: "甲市")));
        Assert.Equal(["P-B"], await CodesAsync(app, s.Admin, new UnitListQuery(Search: " P-B ")));
    }

    [Fact]
    public async Task The_list_filters_by_kind_level_status_and_parent()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);

        Assert.Equal(["P-B"], await CodesAsync(app, s.Admin, new UnitListQuery(Kind: UnitKind.StateOwnedEnterprise)));
        Assert.Equal(["P", "P-C"], await CodesAsync(app, s.Admin, new UnitListQuery(Level: AdministrativeLevel.Provincial)));
        Assert.Equal(["P-A-1"], await CodesAsync(app, s.Admin, new UnitListQuery(Status: UnitStatusFilter.Inactive)));
        Assert.Equal(["P", "P-A", "P-B", "P-C"], await CodesAsync(app, s.Admin, new UnitListQuery(Status: UnitStatusFilter.Active)));
        Assert.Equal(["P-A", "P-B", "P-C"], await CodesAsync(app, s.Admin, new UnitListQuery(ParentId: s.Root)));
        Assert.Equal(["P-A"], await CodesAsync(app, s.Admin, new UnitListQuery(Kind: UnitKind.StateOrgan, Level: AdministrativeLevel.Prefectural, ParentId: s.Root)));
    }

    [Fact]
    public async Task A_filter_never_reaches_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);
        var cityOfficer = new FixedCurrentUser("o", s.City, Roles.SecrecyOfficer);

        // The city itself lies directly under the province; its siblings P-B and P-C are not in the jurisdiction.
        Assert.Equal(["P-A"], await CodesAsync(app, cityOfficer, new UnitListQuery(ParentId: s.Root)));
        Assert.Equal(["P-A", "P-A-1"], await CodesAsync(app, cityOfficer, new UnitListQuery()));
    }

    [Fact]
    public async Task The_list_sorts_by_code_name_kind_and_level_both_ways()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);

        Assert.Equal(["P-C", "P-B", "P-A-1", "P-A", "P"], await CodesAsync(app, s.Admin, new UnitListQuery(Sort: UnitSortColumn.Code, Direction: SortDirection.Descending)));

        // Kinds and levels in the regulation's order (art. 2), ties by code.
        Assert.Equal(["P", "P-A", "P-C", "P-A-1", "P-B"], await CodesAsync(app, s.Admin, new UnitListQuery(Sort: UnitSortColumn.Kind)));
        Assert.Equal(["P-B", "P-A-1", "P-C", "P-A", "P"], await CodesAsync(app, s.Admin, new UnitListQuery(Sort: UnitSortColumn.Kind, Direction: SortDirection.Descending)));
        Assert.Equal(["P", "P-C", "P-A", "P-B", "P-A-1"], await CodesAsync(app, s.Admin, new UnitListQuery(Sort: UnitSortColumn.Level)));
        Assert.Equal(["P-A-1", "P-A", "P-B", "P", "P-C"], await CodesAsync(app, s.Admin, new UnitListQuery(Sort: UnitSortColumn.Level, Direction: SortDirection.Descending)));

        var byName = await CodesAsync(app, s.Admin, new UnitListQuery(Sort: UnitSortColumn.Name));
        var byNameDescending = await CodesAsync(app, s.Admin, new UnitListQuery(Sort: UnitSortColumn.Name, Direction: SortDirection.Descending));
        Assert.Equal(5, byName.Count);
        Assert.Equal(byName.AsEnumerable().Reverse(), byNameDescending);
    }

    [Fact]
    public async Task The_list_is_paged_on_the_server()
    {
        using var app = TestApp.Rent();
        var province = app.Province().WithUnit("P", "示范省");
        for (var i = 1; i <= 11; i++)
        {
            province.WithUnit($"P-{i:00}", $"单位{i:00}", parent: "P", kind: UnitKind.StateOrgan, level: AdministrativeLevel.County);
        }

        var root = (await province.BuildAsync()).Unit("P");

        var admin = new FixedCurrentUser("a", root, Roles.Administrator);

        var third = await app.AsAsync(admin, units => units.ListFilteredAsync(new UnitListQuery(), page: 3, pageSize: 5));

        Assert.Equal(12, third.TotalCount);
        Assert.Equal(3, third.PageCount);
        Assert.Equal(["P-10", "P-11"], third.Items.Select(u => u.Code));
        Assert.False(third.HasNext);
    }

    [Fact]
    public async Task The_list_page_pages_through_its_pager_links_keeping_the_filters()
    {
        using var app = TestApp.Rent();
        var province = app.Province().WithUnit("P", "示范省");
        for (var i = 1; i <= 27; i++)
        {
            province.WithUnit($"P-{i:00}", $"单位{i:00}", parent: "P", kind: UnitKind.StateOrgan, level: AdministrativeLevel.County);
        }

        var root = (await province.BuildAsync()).Unit("P");

        var client = await app.SignedInAsAsync("admin", Roles.Administrator, root);
        static List<string> Codes(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#units-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent)];

        var first = await TestApp.GetDocumentAsync(client, "/Units?kind=StateOrgan");
        var links = first.QuerySelectorAll(".pagination a.page-link");
        var next = links[^1].GetAttribute("href")!;
        var second = await TestApp.GetDocumentAsync(client, next);

        Assert.Equal(25, Codes(first).Count);
        Assert.Contains("kind=StateOrgan", next, StringComparison.Ordinal);
        Assert.Equal(["P-26", "P-27"], Codes(second));
    }

    [Fact]
    public async Task The_list_page_applies_the_query_string_and_its_headers_reverse_the_order()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, s.Root);

        var page = await TestApp.GetDocumentAsync(client, "/Units?level=Prefectural&sort=name&dir=desc");

        var codes = page.QuerySelectorAll("#units-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(2, codes.Count);
        Assert.Equal(["P-A", "P-B"], codes.Order());
        Assert.Equal("descending", page.QuerySelector("#sort-name")!.ParentElement!.GetAttribute("aria-sort"));
        var nameHeader = page.QuerySelector("#sort-name")!.GetAttribute("href")!;
        Assert.Contains("sort=Name", nameHeader, StringComparison.Ordinal);
        Assert.DoesNotContain("dir=desc", nameHeader, StringComparison.Ordinal);
        Assert.Contains("level=Prefectural", nameHeader, StringComparison.Ordinal);
        var codeHeader = page.QuerySelector("#sort-code")!.GetAttribute("href")!;
        Assert.Contains("sort=Code", codeHeader, StringComparison.Ordinal);
        Assert.DoesNotContain("dir=desc", codeHeader, StringComparison.Ordinal);

        var reversed = await TestApp.GetDocumentAsync(client, nameHeader);
        var reversedCodes = reversed.QuerySelectorAll("#units-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(codes.AsEnumerable().Reverse(), reversedCodes);
    }

    [Fact]
    public async Task The_parent_filter_is_a_picker_that_finds_deactivated_units_too_and_whose_0_filters_on_nothing()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, s.Root);
        static List<string> Codes(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#units-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent)];
        async Task<List<string>> OfferedAsync(string lookup) =>
            [.. System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(lookup + "&term=P-A", UriKind.Relative)))
                .RootElement.EnumerateArray().Select(e => e.GetProperty("label").GetString()!)];

        var unfiltered = await TestApp.GetDocumentAsync(client, "/Units?parent=0");
        var filtered = await TestApp.GetDocumentAsync(client, $"/Units?parent={s.City}");
        var lookup = filtered.QuerySelector("#unit-filters .picker")!.GetAttribute("data-lookup")!;

        Assert.Null(filtered.QuerySelector("select[name='parent']"));
        Assert.Equal(["P", "P-A", "P-A-1", "P-B", "P-C"], Codes(unfiltered));
        Assert.DoesNotContain("parent=", ListLinks.Href(unfiltered, "#export-csv"), StringComparison.Ordinal);
        Assert.Equal(["P-A-1"], Codes(filtered));
        Assert.Equal(UnitTestData.Id(s.City), filtered.QuerySelector("input[type=hidden][name='parent']")!.GetAttribute("value"));
        Assert.Equal("P-A 甲市", filtered.QuerySelector("#parent_search")!.GetAttribute("value"));
        Assert.Contains($"parent={s.City}", ListLinks.Href(filtered, "#export-csv"), StringComparison.Ordinal);

        // The filter finds the deactivated school as well (its records are still listed); a form's picker does not.
        Assert.Equal(["P-A 甲市", "P-A-1 甲市学校"], await OfferedAsync(lookup));
        Assert.Equal(["P-A 甲市"], await OfferedAsync("/Lookup/Units?scope=Jurisdiction"));
    }

    [Fact]
    public async Task The_CSV_export_has_the_header_and_the_filtered_rows_in_UTF8_with_a_byte_order_mark()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, s.Root);
        var list = await TestApp.GetDocumentAsync(client, "/Units?kind=StateOrgan&status=All");
        var exportUrl = list.QuerySelector("#export-csv")!.GetAttribute("href")!;

        var response = await client.GetAsync(exportUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("代码,名称,类型,行政级别,上级单位,状态,创建日期", lines[0]);
        Assert.Equal(["P-A,甲市,国家机关,地市级,示范省,正常,2026-11-27"], lines[1..]);
    }

    [Fact]
    public async Task The_XLSX_export_is_a_spreadsheet_of_the_filtered_rows()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, s.Root);

        var response = await client.GetAsync("/Units?handler=Export&format=xlsx&status=Inactive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 100);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal("units.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_bad_request()
    {
        using var app = TestApp.Rent();
        var s = await SampleAsync(app);
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, s.Root);

        var response = await client.GetAsync("/Units?handler=Export&format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_list_keeps_its_filters_and_order_in_the_pager_the_headers_and_the_export()
    {
        using var app = TestApp.Rent();
        var province = app.Province().WithUnit("P", "示范省");
        for (var i = 1; i <= 27; i++)
        {
            province.WithUnit($"P-{i:00}", $"单位{i:00}", parent: "P", kind: UnitKind.StateOrgan, level: AdministrativeLevel.County);
        }

        var root = (await province.WithUnit("P-X", "某集团", parent: "P", kind: UnitKind.StateOwnedEnterprise, level: AdministrativeLevel.County).BuildAsync()).Unit("P");
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, root);
        static List<string> Codes(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#units-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent)];

        var first = await TestApp.GetDocumentAsync(client, "/Units?kind=StateOrgan&level=County&sort=Code&dir=desc");
        var second = await TestApp.GetDocumentAsync(client, ListLinks.Next(first));
        var header = ListLinks.Query(ListLinks.Href(first, "#sort-code"));
        var export = ListLinks.Href(first, "#export-csv");
        var exportQuery = ListLinks.Query(export);

        // Descending codes, 25 to a page; the enterprise is filtered out.
        Assert.Equal([.. Enumerable.Range(3, 25).Reverse().Select(i => $"P-{i:00}")], Codes(first));
        Assert.Equal("descending", first.QuerySelector("#sort-code")!.ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal(["", "PartyOrgan"], first.QuerySelectorAll("#kind option").Take(2).Select(o => o.GetAttribute("value")));
        Assert.Equal(("StateOrgan", "国家机关"), (first.QuerySelector("#kind option[selected]")!.GetAttribute("value"), first.QuerySelector("#kind option[selected]")!.TextContent));
        Assert.Equal(["P-02", "P-01"], Codes(second));
        Assert.Equal(("StateOrgan", "County", "Code", "asc"), (header["kind"], header["level"], header["sort"], header["dir"]));
        Assert.False(header.ContainsKey(ListQuery.PageKey));
        Assert.Equal(("StateOrgan", "County", "Code", "desc"), (exportQuery["kind"], exportQuery["level"], exportQuery["sort"], exportQuery["dir"]));
        Assert.Equal([.. Enumerable.Range(1, 27).Reverse().Select(i => $"P-{i:00}")], (await ListLinks.CsvRowsAsync(client, export)).Select(l => l.Split(',')[0]));
    }
}
