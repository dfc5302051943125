using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>
/// The one way every list writes its address (<see cref="ListQuery"/>): filters under their own names,
/// <c>sort=Column&amp;dir=asc|desc</c>, <c>pageNumber=N</c>. Each list's page tests prove the same through its links.
/// </summary>
public sealed class ListQueryTests
{
    private static ListQuery<TSort> Query<TSort>(TSort defaultSort, string? sort = null, string? dir = null, int pageNumber = 1, object? filters = null, params TSort[] descendingFirst)
        where TSort : struct, Enum =>
        new(new QueryStringUrlHelper(), new ListParameters { Sort = sort, Dir = dir, PageNumber = pageNumber }, defaultSort, filters, descendingFirst);

    [Fact]
    public void Without_a_sort_the_list_is_in_its_default_order_and_a_column_read_from_the_top_starts_descending()
    {
        var activities = Query(ActivitySort.Date, descendingFirst: ActivitySort.Date);
        var byKind = Query(ActivitySort.Date, sort: "Kind", descendingFirst: ActivitySort.Date);

        Assert.Equal((ActivitySort.Date, SortDirection.Descending, "desc"), (activities.Sort, activities.Direction, activities.Dir));
        Assert.Equal((ActivitySort.Kind, SortDirection.Ascending, "asc"), (byKind.Sort, byKind.Direction, byKind.Dir));
    }

    [Theory]
    [InlineData("name", "DESC", LeaderSort.Name, SortDirection.Descending)]
    [InlineData("StaffNumber", "asc", LeaderSort.StaffNumber, SortDirection.Ascending)]
    [InlineData("RankDescending", null, LeaderSort.Name, SortDirection.Ascending)]
    [InlineData("7", "desc", LeaderSort.Name, SortDirection.Descending)]
    [InlineData("Rank", "true", LeaderSort.Rank, SortDirection.Descending)]
    public void The_address_is_read_case_insensitively_and_an_unknown_value_falls_back_to_the_default(string sort, string? dir, LeaderSort expectedSort, SortDirection expectedDirection)
    {
        var query = Query(LeaderSort.Name, sort, dir, descendingFirst: LeaderSort.Rank);

        Assert.Equal((expectedSort, expectedDirection), (query.Sort, query.Direction));
    }

    [Fact]
    public void A_header_reverses_its_own_column_and_starts_another_in_that_columns_first_direction_on_the_first_page()
    {
        var query = Query(LeaderSort.Name, "Name", "desc", pageNumber: 3, filters: new { q = "张" }, LeaderSort.Rank);

        var name = ListLinks.Query(query.WithSort(LeaderSort.Name));
        var rank = ListLinks.Query(query.WithSort(LeaderSort.Rank));
        var staff = ListLinks.Query(query.WithSort(LeaderSort.StaffNumber));

        Assert.Equal(("张", "Name", "asc"), (name["q"], name["sort"], name["dir"]));
        Assert.Equal(("Rank", "desc"), (rank["sort"], rank["dir"]));
        Assert.Equal(("StaffNumber", "asc"), (staff["sort"], staff["dir"]));
        Assert.All([name, rank, staff], q => Assert.False(q.ContainsKey(ListQuery.PageKey)));
        Assert.Equal(
            ["descending", "none"],
            [query.AriaSort(LeaderSort.Name), query.AriaSort(LeaderSort.Rank)]);
    }

    [Fact]
    public void The_pager_and_the_export_keep_every_filter_and_the_order_and_the_export_has_no_page()
    {
        var query = Query(ActivitySort.Date, "Unit", "desc", pageNumber: 2, filters: new { q = "汇报", unitId = 7, kind = ActivityKind.Briefing }, ActivitySort.Date);

        var next = ListLinks.Query(query.WithPage(3));
        var export = ListLinks.Query(query.ExportUrl(ExportFormat.Xlsx));

        Assert.Equal(("汇报", "7", "Briefing", "Unit", "desc", "3"), (next["q"], next["unitId"], next["kind"], next["sort"], next["dir"], next["pageNumber"]));
        Assert.Equal(("汇报", "7", "Briefing", "Unit", "desc"), (export["q"], export["unitId"], export["kind"], export["sort"], export["dir"]));
        Assert.Equal(("Export", "xlsx"), (export["handler"], export["format"]));
        Assert.False(export.ContainsKey(ListQuery.PageKey));
    }

    /// <summary>Routes nothing: writes the page's path and its route values as the query string, as Razor Pages' conventional routes do.</summary>
    private sealed class QueryStringUrlHelper : IUrlHelper
    {
        public ActionContext ActionContext { get; } = new(
            new DefaultHttpContext(),
            new RouteData(new RouteValueDictionary { ["page"] = "/Things/Index" }),
            new ActionDescriptor());

        public string? RouteUrl(UrlRouteContext routeContext)
        {
            var values = new RouteValueDictionary(routeContext.Values);
            var path = (string)values["page"]!;
            values.Remove("page");
            return QueryHelpers.AddQueryString(
                path,
                values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture))));
        }

        public string? Action(UrlActionContext actionContext) => throw new NotSupportedException();

        public string? Content(string? contentPath) => throw new NotSupportedException();

        public bool IsLocalUrl(string? url) => throw new NotSupportedException();

        public string? Link(string? routeName, object? values) => throw new NotSupportedException();
    }
}

/// <summary>Reads a list page's links: the pager's, the column headers', the exports'.</summary>
internal static class ListLinks
{
    /// <summary>The pager's link to the next page.</summary>
    public static string Next(IHtmlDocument page) => page.QuerySelectorAll(".pagination a.page-link")[^1].GetAttribute("href")!;

    public static string Href(IHtmlDocument page, string selector) => page.QuerySelector(selector)!.GetAttribute("href")!;

    /// <summary>A link's query string, one value per name (names as written).</summary>
    public static Dictionary<string, string> Query(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(question < 0 ? "" : url[question..]).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The lines of a CSV export after its header, the byte-order mark removed.</summary>
    public static async Task<List<string>> CsvRowsAsync(HttpClient client, string url)
    {
        var text = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync(url)).TrimStart('\uFEFF');
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)];
    }
}
