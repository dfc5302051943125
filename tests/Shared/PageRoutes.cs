using System.Globalization;
using System.Text.RegularExpressions;

namespace SecrecyDuty.Tests.Shared;

/// <summary>
/// The ids of one record of each kind a page's route values name. The every-page browser test fills it with demo records
/// every role may open, the jurisdiction matrix test with records outside the jurisdiction. The score template may be null:
/// templates are the province's, not a unit's, so no template lies outside a jurisdiction.
/// </summary>
internal sealed record PageRecords(
    int Unit, int Leader, int Posting, int Activity, int Inspection, int Finding, int Order, int Proposal, int Incident, int IncidentPerson, string Account, int? ScoreTemplate);

/// <summary>
/// Shared by the Web and browser test projects (linked into both): which records each page's route values take, in the
/// order of the route's parameters. One table, so that a page added with a route value is mapped once for every test
/// that visits pages by id.
/// </summary>
internal static partial class PageRoutes
{
    private static readonly Dictionary<string, Func<PageRecords, object[]?>> Values = new(StringComparer.Ordinal)
    {
        ["/Incidents/Decision"] = r => [r.Incident, r.IncidentPerson],
        ["/Incidents/Assess"] = r => [r.Incident],
        ["/Incidents/Details"] = r => [r.Incident],
        ["/Incidents/Person"] = r => [r.Incident],
        ["/Compliance/Unit"] = r => [r.Unit],
        ["/Units/Details"] = r => [r.Unit],
        ["/Units/Move"] = r => [r.Unit],
        ["/Units/Leadership"] = r => [r.Unit],
        ["/Units/Edit"] = r => [r.Unit],
        ["/Inspections/Unit"] = r => [r.Unit],
        ["/SecrecyOrganizations/RuleRegister"] = r => [r.Unit],
        ["/SecrecyOrganizations/Details"] = r => [r.Unit],
        ["/SecrecyOrganizations/Edit"] = r => [r.Unit],
        ["/SecrecyOrganizations/RuleRegisterEdit"] = r => [r.Unit, "R1"],
        ["/SecrecyOrganizations/RuleRegisterNotApplicable"] = r => [r.Unit, "R1"],
        ["/Checklists/Posting"] = r => [r.Posting],
        ["/Postings/Edit"] = r => [r.Posting],
        ["/Admin/Accounts/Details"] = r => [r.Account],
        ["/Appraisals/Leader"] = r => [r.Leader],
        ["/Appraisals/Print"] = r => [r.Leader],
        ["/Leaders/Details"] = r => [r.Leader],
        ["/Leaders/Edit"] = r => [r.Leader],
        ["/Inspections/Scores/Sheet"] = r => [r.Inspection],
        ["/Inspections/Finding"] = r => [r.Inspection],
        ["/Inspections/Details"] = r => [r.Inspection],
        ["/Inspections/Opinion"] = r => [r.Inspection],
        ["/Inspections/Edit"] = r => [r.Inspection],
        ["/Inspections/Orders/Details"] = r => [r.Order],
        ["/Inspections/Orders/Issue"] = r => [r.Finding],
        ["/Inspections/Templates/Details"] = r => r.ScoreTemplate is { } template ? [template] : null,
        ["/Activities/Details"] = r => [r.Activity],
        ["/Activities/Edit"] = r => [r.Activity],
        ["/Proposals/Details"] = r => [r.Proposal],
    };

    /// <summary>Whether a page (its view engine path, e.g. <c>/Units/Move</c>) is in the table.</summary>
    public static bool IsMapped(string page) => Values.ContainsKey(page);

    /// <summary>
    /// The page's address (from its route pattern, e.g. <c>Units/Move/{id:int}</c>) with the records' ids for its route
    /// values; null when the page is not mapped or takes a kind of record <paramref name="records"/> does not give.
    /// </summary>
    public static string? Url(string page, string pattern, PageRecords records)
    {
        if (!Values.TryGetValue(page, out var values) || values(records) is not { } ids)
        {
            return null;
        }

        var queue = new Queue<object>(ids);
        return "/" + RouteParameter().Replace(pattern.TrimStart('/'), _ => Convert.ToString(queue.Dequeue(), CultureInfo.InvariantCulture)!);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
