using Microsoft.EntityFrameworkCore;

namespace SecrecyDuty.Core.Common;

/// <summary>
/// One page of a server-side paged list. <c>TotalCount</c> is the rows the filters select; when
/// <see cref="MoreThanTotal"/>, only a lower bound: there are more rows than that (<see cref="Paging.CountUpToAsync"/>).
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    /// <summary>True when the count stopped: the list holds more than <see cref="TotalCount"/> rows.</summary>
    public bool MoreThanTotal { get; init; }

    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => MoreThanTotal || Page < PageCount;
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>
    /// How many rows past the start of the page shown a list counts at most (forty pages of the default size): beyond,
    /// the pager says "more than" (issue 10, docs/decisions/0025).
    /// </summary>
    public const int CountWindow = 1000;

    /// <summary>Clamps page input from a query string to sensible bounds.</summary>
    public static (int Page, int PageSize) Normalize(int page, int pageSize) =>
        (Math.Max(1, page), pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize));

    /// <summary>
    /// Counts the rows of <paramref name="query"/> up to <see cref="CountWindow"/> rows past the start of the page, so
    /// that a list's count costs what reading its page costs, not the whole province: the exact total when the rows end
    /// within the window, else the window's end and true ("more than"). The pager still reaches every row: each next
    /// page counts a window further.
    /// </summary>
    public static async Task<(int Total, bool MoreThanTotal)> CountUpToAsync<T>(
        IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = (int)Math.Min(int.MaxValue - 1L, ((long)Math.Max(1, page) - 1) * pageSize + CountWindow);

        // The order does not change a count: left out, so that SQL stops at the limit without sorting first.
        var counted = await query.Take(limit + 1).CountAsync(cancellationToken);
        return counted > limit ? (limit, true) : (counted, false);
    }

    /// <summary>A page of <paramref name="items"/> with a count from <see cref="CountUpToAsync"/>.</summary>
    public static PagedList<T> Page<T>(IReadOnlyList<T> items, int page, int pageSize, (int Total, bool MoreThanTotal) count) =>
        new(items, page, pageSize, count.Total) { MoreThanTotal = count.MoreThanTotal };
}
