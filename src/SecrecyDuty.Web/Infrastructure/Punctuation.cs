namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// The punctuation that joins words in the page's language: Chinese pages use the enumeration comma, the full-width colon and
/// full-width parentheses; English ones their own (issue 11: no Chinese in the English interface, even between data).
/// </summary>
public static class Punctuation
{
    /// <summary>"、" or ", " between the items of a list.</summary>
    public static string ListSeparator => SupportedCultures.CurrentIsEnglish ? ", " : "、";

    /// <summary>"：" or ": " after a label.</summary>
    public static string Colon => SupportedCultures.CurrentIsEnglish ? ": " : "：";

    public static string List(IEnumerable<string> items) => string.Join(ListSeparator, items);

    /// <summary>"text（aside）" or "text (aside)".</summary>
    public static string WithAside(string text, string aside) =>
        SupportedCultures.CurrentIsEnglish ? $"{text} ({aside})" : $"{text}（{aside}）";
}
