using System.Globalization;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Compliance;

namespace SecrecyDuty.Web.Pages.Compliance;

/// <summary>A result's reason in the reader's language: the rules give a message key and its arguments.</summary>
public static class ComplianceText
{
    public static string Reason(IStringLocalizer l, ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(result);
        // Dates read the same in both languages (yyyy-MM-dd), as everywhere else in the app.
        return l[result.Reason, [.. result.Arguments.Select(a => a is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : a)]].Value;
    }

    /// <summary>Bootstrap's background for a state: met green, partly met amber, missing red, not yet due grey, not judged light.</summary>
    public static string CssClass(ComplianceState state) => state switch
    {
        ComplianceState.Met => "text-bg-success",
        ComplianceState.PartlyMet => "text-bg-warning",
        ComplianceState.Missing => "text-bg-danger",
        ComplianceState.NotJudged => "text-bg-light border",
        _ => "text-bg-secondary",
    };

    /// <summary>A symbol beside the state's name, so that the map reads without colour too.</summary>
    public static string Symbol(ComplianceState state) => state switch
    {
        ComplianceState.Met => "✓",
        ComplianceState.PartlyMet => "◐",
        ComplianceState.Missing => "✗",
        ComplianceState.NotJudged => "·",
        _ => "–",
    };
}
