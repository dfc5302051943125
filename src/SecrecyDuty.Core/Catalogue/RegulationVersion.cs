using System.Globalization;

namespace SecrecyDuty.Core.Catalogue;

/// <summary>
/// Versions of a regulation are dotted numbers ("1.0", "1.10"); they compare number by number, so that
/// 1.10 is newer than 1.9. The loader only accepts versions of that form.
/// </summary>
public sealed class RegulationVersion : IComparer<string>
{
    public static RegulationVersion Comparer { get; } = new();

    public static bool IsValid(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parts = version.Split('.');
        return parts.All(p => p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit));
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var left = x.Split('.');
        var right = y.Split('.');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var a = i < left.Length && int.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
            var b = i < right.Length && int.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        // Equal numbers ("1.0" and "1.0.0"): fall back to the text, so that the order is total.
        return string.CompareOrdinal(x, y);
    }
}
