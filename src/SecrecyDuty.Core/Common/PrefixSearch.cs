using System.Linq.Expressions;
using System.Text;

namespace SecrecyDuty.Core.Common;

/// <summary>
/// A search by the start of a text, in a form an index serves (issue 10: a search anywhere in a name reads every row of
/// the province; docs/decisions/0025). On every provider the condition is <c>StartsWith</c> (SQL Server: a LIKE 'term%'
/// that seeks its index). On SQLite it adds the range [term, the next string after every one starting with it) in
/// code point order, which is SQLite's BINARY collation: the LIKE there is case-insensitive, so SQLite never seeks an
/// index with it. SQL Server's collations do not order by code point, so there the range is left out.
/// </summary>
public static class PrefixSearch
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// One of <paramref name="texts"/> starts with <paramref name="term"/>, as SQL can seek an index on each column with it.
    /// </summary>
    public static Expression<Func<T, bool>> AnyStartsWith<T>(ISecrecyDutyDb db, string term, params Expression<Func<T, string>>[] texts)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(texts);
        var row = Expression.Parameter(typeof(T), "x");
        var seek = db.Database.ProviderName == SqliteProvider;
        var upper = UpperBound(term);
        Expression? any = null;
        foreach (var text in texts)
        {
            var condition = Condition(new Rebind(text.Parameters[0], row).Visit(text.Body), term, seek, upper);
            any = any is null ? condition : Expression.OrElse(any, condition);
        }

        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), row);
    }

    private static Expression Condition(Expression value, string term, bool seek, string? upper)
    {
        Expression condition = Expression.Call(value, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Parameter(term));
        if (!seek)
        {
            return condition;
        }

        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var range = Expression.GreaterThanOrEqual(Expression.Call(compare, value, Parameter(term)), Expression.Constant(0));
        if (upper is not null)
        {
            range = Expression.AndAlso(range, Expression.LessThan(Expression.Call(compare, value, Parameter(upper)), Expression.Constant(0)));
        }

        return Expression.AndAlso(range, condition);
    }

    /// <summary>
    /// The least string, in code point order, above every string that starts with <paramref name="prefix"/>: the prefix
    /// with its last code point raised by one; null when none exists (the prefix ends with U+10FFFF, or is empty).
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF)
            {
                continue;
            }

            // Skip the surrogate range, which no rune holds.
            var next = last == 0xD7FF ? 0xE000 : last + 1;
            return string.Concat(runes.Select(r => r.ToString())) + new Rune(next).ToString();
        }

        return null;
    }

    /// <summary>A captured value, so that EF sends it as a parameter and reuses the query's plan.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Captured(value)), nameof(Captured.Value));

    private sealed record Captured(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
