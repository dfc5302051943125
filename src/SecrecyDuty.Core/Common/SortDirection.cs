using System.Linq.Expressions;

namespace SecrecyDuty.Core.Common;

/// <summary>The direction a list is sorted in; each list's filter carries it beside its sort column.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}

public static class SortDirectionExtensions
{
    /// <summary>Orders by <paramref name="key"/> in <paramref name="direction"/>, so that a list's sort is one arm per column.</summary>
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, SortDirection direction) =>
        direction == SortDirection.Descending ? source.OrderByDescending(key) : source.OrderBy(key);
}
