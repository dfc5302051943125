using System.Globalization;
using System.Text;

namespace SecrecyDuty.Core.Compliance;

/// <summary>
/// A sort key for a unit's place in the unit tree: the codes from the root down to the unit, each written as digits and
/// closed by "00". Keys compare in the tree order (depth-first, siblings by code in ordinal order, a unit before the units
/// below it) as plain strings, so SQL can page the heat map by them; digits only, so that SQLite's binary collation and
/// SQL Server's linguistic ones order them alike.
/// </summary>
public static class TreeKey
{
    /// <summary>The longest key stored: about twelve levels of the longest codes; a deeper unit is ordered by its first levels.</summary>
    public const int MaxLength = 900;

    // The characters a unit code may hold (UnitInput), in ordinal order: each is written as two digits from 10 to 73.
    private const string CodeCharacters = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// The first key after every key that begins with <paramref name="key"/>: the unit's own key and those of the units
    /// below it are the range [<paramref name="key"/>, this). A key goes on with the two digits of a character (1 to 8)
    /// or ends; "9" is after both.
    /// </summary>
    public static string UpperBound(string key) => key + "9";

    /// <summary>The key of the unit whose ancestors' codes, from the root down to the unit itself, are <paramref name="codes"/>.</summary>
    public static string Of(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var key = new StringBuilder();
        foreach (var code in codes)
        {
            foreach (var c in code)
            {
                var index = CodeCharacters.IndexOf(c, StringComparison.Ordinal);

                // A character outside the codes' alphabet (none is accepted today) sorts after every allowed one:
                // "8" and its code point, a token no two-digit one is the start of.
                key.Append(index >= 0
                    ? (index + 10).ToString("00", CultureInfo.InvariantCulture)
                    : "8" + ((int)c).ToString("00000", CultureInfo.InvariantCulture));
            }

            key.Append("00");
        }

        return key.Length > MaxLength ? key.ToString(0, MaxLength) : key.ToString();
    }
}
