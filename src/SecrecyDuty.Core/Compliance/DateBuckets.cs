using System.Linq.Expressions;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Compliance;

/// <summary>
/// Keys for grouping records by year or period in SQL without extracting the year and month of every row: the bucket of a
/// date is found by comparing it with the buckets' first days, a CASE over constants. SQLite stores dates as text, where
/// extracting parts means parsing every row; comparisons keep to the dates' indexes and translate alike on SQL Server.
/// </summary>
internal static class DateBuckets
{
    public static Expression<Func<Activity, ActivityKey>> ActivityKey(IReadOnlyList<DateOnly> starts)
    {
        var a = Expression.Parameter(typeof(Activity), "a");
        return Expression.Lambda<Func<Activity, ActivityKey>>(
            Expression.MemberInit(
                Expression.New(typeof(ActivityKey)),
                Expression.Bind(typeof(ActivityKey).GetProperty(nameof(Compliance.ActivityKey.UnitId))!, Expression.Property(a, nameof(Activity.UnitId))),
                Expression.Bind(typeof(ActivityKey).GetProperty(nameof(Compliance.ActivityKey.Kind))!, Expression.Property(a, nameof(Activity.Kind))),
                Expression.Bind(typeof(ActivityKey).GetProperty(nameof(Compliance.ActivityKey.Bucket))!, Index(Expression.Property(a, nameof(Activity.Date)), starts))),
            a);
    }

    public static Expression<Func<Posting, PostingSpanKey>> PostingSpan(IReadOnlyList<DateOnly> yearStarts)
    {
        var p = Expression.Parameter(typeof(Posting), "p");
        var to = Expression.Property(p, nameof(Posting.To));
        var toBucket = Expression.Condition(
            Expression.Equal(to, Expression.Constant(null, typeof(DateOnly?))),
            Expression.Constant(yearStarts.Count - 1),
            Index(Expression.Property(to, nameof(Nullable<DateOnly>.Value)), yearStarts));
        return Expression.Lambda<Func<Posting, PostingSpanKey>>(
            Expression.MemberInit(
                Expression.New(typeof(PostingSpanKey)),
                Expression.Bind(typeof(PostingSpanKey).GetProperty(nameof(PostingSpanKey.UnitId))!, Expression.Property(p, nameof(Posting.UnitId))),
                Expression.Bind(typeof(PostingSpanKey).GetProperty(nameof(PostingSpanKey.FromBucket))!, Index(Expression.Property(p, nameof(Posting.From)), yearStarts)),
                Expression.Bind(typeof(PostingSpanKey).GetProperty(nameof(PostingSpanKey.ToBucket))!, toBucket)),
            p);
    }

    public static Expression<Func<RectificationOrder, OrderKey>> OrderKey(IReadOnlyList<DateOnly> yearStarts)
    {
        var o = Expression.Parameter(typeof(RectificationOrder), "o");
        var status = Expression.Property(o, nameof(RectificationOrder.Status));
        var open = Expression.OrElse(
            Expression.Equal(status, Expression.Constant(RectificationStatus.Open)),
            Expression.Equal(status, Expression.Constant(RectificationStatus.SentBack)));
        var deadline = Expression.Property(o, nameof(RectificationOrder.Deadline));
        return Expression.Lambda<Func<RectificationOrder, OrderKey>>(
            Expression.MemberInit(
                Expression.New(typeof(OrderKey)),
                Expression.Bind(typeof(OrderKey).GetProperty(nameof(Compliance.OrderKey.UnitId))!, Expression.Property(o, nameof(RectificationOrder.UnitId))),
                Expression.Bind(typeof(OrderKey).GetProperty(nameof(Compliance.OrderKey.Bucket))!, Index(deadline, yearStarts)),
                Expression.Bind(typeof(OrderKey).GetProperty(nameof(Compliance.OrderKey.Open))!, open),
                Expression.Bind(typeof(OrderKey).GetProperty(nameof(Compliance.OrderKey.Deadline))!, deadline)),
            o);
    }

    /// <summary>
    /// The index of the last of the ascending <paramref name="starts"/> on or before <paramref name="date"/> (0 before
    /// the second): <c>date &gt;= s[n-1] ? n-1 : date &gt;= s[n-2] ? n-2 : … : 0</c>.
    /// </summary>
    private static Expression Index(Expression date, IReadOnlyList<DateOnly> starts)
    {
        Expression index = Expression.Constant(0);
        for (var i = 1; i < starts.Count; i++)
        {
            index = Expression.Condition(Expression.GreaterThanOrEqual(date, Expression.Constant(starts[i])), Expression.Constant(i), index);
        }

        return index;
    }
}

internal sealed class ActivityKey
{
    public int UnitId { get; init; }

    public ActivityKind Kind { get; init; }

    public int Bucket { get; init; }
}

internal sealed class PostingSpanKey
{
    public int UnitId { get; init; }

    public int FromBucket { get; init; }

    public int ToBucket { get; init; }
}

internal sealed class OrderKey
{
    public int UnitId { get; init; }

    public int Bucket { get; init; }

    public bool Open { get; init; }

    public DateOnly Deadline { get; init; }
}
