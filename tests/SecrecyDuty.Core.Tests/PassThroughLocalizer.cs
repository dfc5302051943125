using System.Globalization;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Tests;

/// <summary>Returns the English key: Core's tests check rules, the web tests check translations.</summary>
public sealed class PassThroughLocalizer : IStringLocalizer<Messages>
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
