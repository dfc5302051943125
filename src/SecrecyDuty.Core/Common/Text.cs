namespace SecrecyDuty.Core.Common;

public static class Text
{
    /// <summary>A form's optional text as stored: trimmed, and null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// <paramref name="value"/> without the characters no one types as text and that can harm it: control characters
    /// (NUL, ESC, DEL, the C1 set; tab and line breaks are kept when <paramref name="keepLineBreaks"/>) and the
    /// bidirectional overrides, isolates and marks that make "invoice" + U+202E + "fdp.exe" show as "invoiceexe.pdf".
    /// </summary>
    public static string StripUnsafe(string value, bool keepLineBreaks = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Any(c => IsUnsafe(c, keepLineBreaks)) ? string.Concat(value.Where(c => !IsUnsafe(c, keepLineBreaks))) : value;
    }

    /// <summary>True when <paramref name="c"/> is one of the characters <see cref="StripUnsafe"/> removes.</summary>
    public static bool IsUnsafe(char c, bool keepLineBreaks = true) =>
        c switch
        {
            '\t' or '\n' or '\r' => !keepLineBreaks,
            < ' ' or '\u007F' => true,
            >= '\u0080' and <= '\u009F' => true,
            '\u061C' or '\u200E' or '\u200F' => true,
            >= '\u202A' and <= '\u202E' => true,
            >= '\u2066' and <= '\u2069' => true,
            _ => false,
        };
}
