using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Compliance;
namespace SecrecyDuty.Web.Pages.Compliance;

/// <summary>A link to the records behind a requirement, or to the form that records a missing one.</summary>
public sealed record RecordLink(string Url, string Text);

/// <summary>
/// Where each requirement's records live and where a missing one is recorded. The activity, checklist and appraisal
/// pages are addressed by path, with their documented query parameters (unitId, kind, year).
/// </summary>
public static class ComplianceLinks
{
    public static string HeatMap(IUrlHelper url, int year) =>
        Path(url, "~/Compliance", ("year", Text(year)));

    public static string Unit(IUrlHelper url, int unitId, int year) =>
        Path(url, "~/Compliance/Unit/" + Text(unitId), ("year", Text(year)));

    public static string Activities(IUrlHelper url, int unitId, ActivityKind kind, int year) =>
        Path(url, "~/Activities", ("unitId", Text(unitId)), ("kind", kind.ToString()), ("year", Text(year)));

    public static string RecordActivity(IUrlHelper url, int unitId, ActivityKind kind) =>
        Path(url, "~/Activities/Create", ("kind", kind.ToString()), ("unitId", Text(unitId)));

    public static string OwnChecklist(IUrlHelper url, int postingId, int year) =>
        Path(url, "~/Checklists/Posting/" + Text(postingId), ("year", Text(year)));

    public static string OwnAppraisal(IUrlHelper url, int leaderId, int year) =>
        Path(url, "~/Appraisals/Leader/" + Text(leaderId), ("year", Text(year)));

    /// <summary>The activity kind that discharges a requirement, if it is one of activities.</summary>
    public static ActivityKind? ActivityKindOf(Requirement requirement) => requirement switch
    {
        Requirement.Briefings or Requirement.BriefingPractice => ActivityKind.Briefing,
        Requirement.MemberMeetings => ActivityKind.MemberMeeting,
        Requirement.Education => ActivityKind.Training,
        _ => null,
    };

    /// <summary>The list or page of the records a requirement was judged on (untranslated link text: the page localizes it).</summary>
    public static RecordLink Records(IUrlHelper url, Requirement requirement, int unitId, int year) => requirement switch
    {
        Requirement.SecrecyOrganization => new(Path(url, "~/SecrecyOrganizations/Details/" + Text(unitId)), "The secrecy organization"),
        Requirement.RuleRegister => new(Path(url, "~/SecrecyOrganizations/RuleRegister/" + Text(unitId)), "The rule register"),
        Requirement.Checklists => new(Path(url, "~/Checklists", ("unitId", Text(unitId)), ("year", Text(year))), "The duty checklists of the year"),
        Requirement.RectificationOrders => new(Path(url, "~/Inspections/Orders", ("unitId", Text(unitId)), ("year", Text(year))), "The rectification orders of the year"),
        _ => new(Activities(url, unitId, ActivityKindOf(requirement)!.Value, year), "The activities of the year"),
    };

    /// <summary>
    /// The form that records what is missing, when the account may use it: activities for those who record them,
    /// the organization and rule register for maintainers of master data; checklists are worked through by each leader.
    /// </summary>
    public static RecordLink? Record(IUrlHelper url, Requirement requirement, int unitId, bool canRecordActivities, bool canMaintainMasterData) => requirement switch
    {
        Requirement.Briefings or Requirement.BriefingPractice when canRecordActivities => new(RecordActivity(url, unitId, ActivityKind.Briefing), "Record the report"),
        Requirement.MemberMeetings when canRecordActivities => new(RecordActivity(url, unitId, ActivityKind.MemberMeeting), "Record a member meeting"),
        Requirement.Education when canRecordActivities => new(RecordActivity(url, unitId, ActivityKind.Training), "Record a training session"),
        Requirement.SecrecyOrganization when canMaintainMasterData =>
            new(Path(url, "~/SecrecyOrganizations/Edit/" + Text(unitId)), "Record the secrecy organization"),
        Requirement.RuleRegister when canMaintainMasterData => new(Path(url, "~/SecrecyOrganizations/RuleRegister/" + Text(unitId)), "Complete the rule register"),
        _ => null,
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Path(IUrlHelper url, string path, params (string Name, string Value)[] query)
    {
        var result = url.Content(path);
        foreach (var (name, value) in query)
        {
            result = QueryHelpers.AddQueryString(result, name, value);
        }

        return result;
    }
}
