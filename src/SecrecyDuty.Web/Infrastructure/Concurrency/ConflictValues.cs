using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure.Concurrency;

/// <summary>The values of a conflict's fields (<see cref="ConflictField"/>) as the forms show them, in the current language.</summary>
public static class ConflictValues
{
    /// <summary>Text as is, dates as the date fields show them, yes or no, an enum value by its name, none as "(none)".</summary>
    public static string ConflictValue(this IStringLocalizer localizer, object? value)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return value switch
        {
            null => localizer["(none)"].Value,
            string s when string.IsNullOrWhiteSpace(s) => localizer["(none)"].Value,
            string s => s,
            LocalizedString s => s.Value,
            RoleName role => localizer.Role(role.Name).Value,
            bool b => b ? localizer["Yes"].Value : localizer["No"].Value,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => When(t),
            Enum e => localizer[EnumText.Key(e.GetType(), e)].Value,
            IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
            IEnumerable items => Joined(localizer, items),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>Who saved the record: the account's name and sign-in name, the sign-in name alone, or "someone".</summary>
    public static string SavedBy(this IStringLocalizer localizer, EditConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(conflict);
        return (conflict.SavedByName, conflict.Saved.SavedBy) switch
        {
            ({ } name, { } userName) when name != userName => $"{name} ({userName})",
            ({ } name, _) => name,
            (null, { Length: > 0 } userName) => userName,
            _ => localizer["someone"].Value,
        };
    }

    /// <summary>A stored UTC time as the pages show times: local, to the minute.</summary>
    public static string When(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Joined(IStringLocalizer localizer, IEnumerable items)
    {
        var texts = items.Cast<object?>().Select(i => localizer.ConflictValue(i)).ToList();
        return texts.Count == 0 ? localizer["(none)"].Value : string.Join(localizer[", "].Value, texts);
    }
}
