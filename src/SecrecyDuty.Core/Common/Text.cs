namespace SecrecyDuty.Core.Common;

public static class Text
{
    /// <summary>A form's optional text as stored: trimmed, and null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
