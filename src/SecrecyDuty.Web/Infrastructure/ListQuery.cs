using Microsoft.AspNetCore.Mvc;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// A list page's address, and the links that change one part of it while keeping the rest. Every list writes it the
/// same way: its filters under their own names, then <c>sort=Column&amp;dir=asc|desc</c> and <c>pageNumber=N</c>. A
/// link to another page keeps the filters and the order; a link to another sort goes back to the first page; the
/// export link is the list's address with <c>handler=Export&amp;format=csv|xlsx</c> and no page number, so that the
/// file holds every row the filters select, in the list's order.
/// </summary>
public class ListQuery
{
    /// <summary>Not "page": Razor Pages keeps that route value for the page's own name, so it would never bind.</summary>
    public const string PageKey = "pageNumber";

    public const string SortKey = "sort";

    /// <summary>"asc" or "desc"; missing or anything else: the sort column's own first direction.</summary>
    public const string DirectionKey = "dir";

    public const string Ascending = "asc";

    public const string Descending = "desc";

    public const string ExportHandler = "Export";

    private readonly IUrlHelper _url;
    private readonly RouteValueDictionary _filters;

    /// <param name="url">The page's URL helper; the links go to the page itself.</param>
    /// <param name="pageNumber">The page shown.</param>
    /// <param name="filters">The filters as an anonymous object, named as the page binds them (<c>new { q = Search }</c>); null values are left out.</param>
    public ListQuery(IUrlHelper url, int pageNumber, object? filters)
    {
        ArgumentNullException.ThrowIfNull(url);
        _url = url;
        _filters = new RouteValueDictionary(filters);
        PageNumber = Math.Max(1, pageNumber);
    }

    public int PageNumber { get; }

    /// <summary>This list at page <paramref name="pageNumber"/>, with the same filters and order.</summary>
    public string WithPage(int pageNumber) => Link(handler: null, OrderValues(), pageNumber);

    /// <summary>The export of every row of these filters, in this order.</summary>
    public string ExportUrl(ExportFormat format)
    {
        var values = new Dictionary<string, object?>(OrderValues()) { ["format"] = format == ExportFormat.Xlsx ? "xlsx" : "csv" };
        return Link(ExportHandler, values, pageNumber: null);
    }

    /// <summary>The shared pager's links.</summary>
    public PagerModel Pager<T>(PagedList<T> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new PagerModel(list.Page, list.PageCount, list.TotalCount, WithPage, list.MoreThanTotal);
    }

    /// <summary>The sort and direction as the address carries them; none for a list that is not sortable.</summary>
    protected virtual IReadOnlyDictionary<string, object?> OrderValues() => new Dictionary<string, object?>();

    protected string Link(string? handler, IReadOnlyDictionary<string, object?> order, int? pageNumber)
    {
        ArgumentNullException.ThrowIfNull(order);
        var values = new RouteValueDictionary(_filters);
        foreach (var (key, value) in order)
        {
            values[key] = value;
        }

        if (pageNumber is { } number)
        {
            values[PageKey] = number;
        }

        var page = (string)_url.ActionContext.RouteData.Values["page"]!;
        return _url.Page(page, handler, values)!;
    }
}

/// <summary>A sortable list's address: <see cref="ListQuery"/> with its sort column and direction.</summary>
/// <typeparam name="TSort">The list's sort columns (a Core enum, one value per sortable column).</typeparam>
public sealed class ListQuery<TSort> : ListQuery
    where TSort : struct, Enum
{
    private readonly IReadOnlyCollection<TSort> _descendingFirst;

    /// <param name="url">The page's URL helper.</param>
    /// <param name="parameters">The sort, direction and page number the address gave.</param>
    /// <param name="defaultSort">The column the list is sorted by when the address names none (or an unknown one).</param>
    /// <param name="filters">The filters as an anonymous object, named as the page binds them.</param>
    /// <param name="descendingFirst">Columns read from the top down (dates, rank): their first click and their default are descending.</param>
    public ListQuery(IUrlHelper url, ListParameters parameters, TSort defaultSort, object? filters, params TSort[] descendingFirst)
        : base(url, parameters?.PageNumber ?? 1, filters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _descendingFirst = descendingFirst;
        Sort = Enum.TryParse<TSort>(parameters.Sort, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : defaultSort;
        Direction = ParseDirection(parameters.Dir) ?? FirstDirection(Sort);
    }

    public TSort Sort { get; }

    public SortDirection Direction { get; }

    /// <summary>The direction as the address writes it: "asc" or "desc".</summary>
    public string Dir => DirText(Direction);

    /// <summary>A column header's link: sorted by <paramref name="column"/>, reversed when it is the sort already, from the first page.</summary>
    public string WithSort(TSort column)
    {
        var direction = column.Equals(Sort) ? Reverse(Direction) : FirstDirection(column);
        return Link(handler: null, Order(column, direction), pageNumber: null);
    }

    /// <summary>"ascending", "descending" or "none", for the aria-sort attribute of a column header.</summary>
    public string AriaSort(TSort column) =>
        !column.Equals(Sort) ? "none" : Direction == SortDirection.Descending ? "descending" : "ascending";

    /// <summary>The arrow shown after the sorted column's header.</summary>
    public string SortMark(TSort column) =>
        !column.Equals(Sort) ? "" : Direction == SortDirection.Descending ? " ▼" : " ▲";

    protected override IReadOnlyDictionary<string, object?> OrderValues() => Order(Sort, Direction);

    private static Dictionary<string, object?> Order(TSort sort, SortDirection direction) =>
        new() { [SortKey] = sort.ToString(), [DirectionKey] = DirText(direction) };

    private SortDirection FirstDirection(TSort column) =>
        _descendingFirst.Contains(column) ? SortDirection.Descending : SortDirection.Ascending;

    private static SortDirection Reverse(SortDirection direction) =>
        direction == SortDirection.Descending ? SortDirection.Ascending : SortDirection.Descending;

    private static string DirText(SortDirection direction) => direction == SortDirection.Descending ? Descending : Ascending;

    private static SortDirection? ParseDirection(string? text) =>
        string.Equals(text, Descending, StringComparison.OrdinalIgnoreCase) ? SortDirection.Descending
        : string.Equals(text, Ascending, StringComparison.OrdinalIgnoreCase) ? SortDirection.Ascending
        : null;
}

/// <summary>
/// The sort, direction and page number of a list as its address gives them (<c>sort</c>, <c>dir</c>,
/// <c>pageNumber</c>); bound as one property of a list page and read through <see cref="ListQuery{TSort}"/>.
/// </summary>
public sealed class ListParameters
{
    [FromQuery(Name = ListQuery.SortKey)]
    public string? Sort { get; set; }

    [FromQuery(Name = ListQuery.DirectionKey)]
    public string? Dir { get; set; }

    [FromQuery(Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;
}
