using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections;

/// <summary>
/// Who plans and conducts inspections, records findings and orders, and verifies rectification: secrecy officers and
/// administrators over their jurisdiction (art. 8). The unit reports its rectification: its leaders for their own unit,
/// or a secrecy officer on its behalf. Everybody else reads within the jurisdiction; a unit leader's is the own unit.
/// </summary>
public static class InspectionAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Inspections", nameof(CanConduct), "Art. 8: the secrecy office inspects, records findings and orders, and verifies rectification", CanConduct),
        new("Inspections", nameof(CanReportRectification), "Art. 15: the unit reports its rectification (its leaders, or the secrecy office on its behalf)", CanReportRectification),
        new("Inspections", nameof(CanLoadTemplates), "Issue 8: a secrecy bureau loads its own scored checklist template", CanLoadTemplates),
    ];

    /// <summary>Plan and conduct inspections, record findings and orders, verify or send back a report (where: <see cref="ConductableUnitIds"/>).</summary>
    public static bool CanConduct(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer);

    public static void RequireConductor(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanConduct(user));

    /// <summary>Report the rectification of an order (where: <see cref="ReportableUnitIds"/>).</summary>
    public static bool CanReportRectification(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer, Roles.UnitLeader);

    public static void RequireReporter(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanReportRectification(user));

    /// <summary>
    /// Load a scored checklist template. Templates are reference data like the regulation catalogue, read by every
    /// signed-in account, so reading needs no check.
    /// </summary>
    public static bool CanLoadTemplates(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer);

    public static void RequireTemplateLoader(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanLoadTemplates(user));

    public static IQueryable<int> ConductableUnitIds(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return CanConduct(user) ? jurisdiction.UnitIds() : db.Units.Where(_ => false).Select(u => u.Id);
    }

    /// <summary>The units whose rectification the account may report: a unit leader's own unit; a conductor's jurisdiction.</summary>
    public static IQueryable<int> ReportableUnitIds(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        if (CanConduct(user))
        {
            return jurisdiction.UnitIds();
        }

        var own = user.IsAuthenticated && user.IsInRole(Roles.UnitLeader) ? user.UnitId ?? 0 : 0;
        return db.Units.Where(u => u.Id == own).Select(u => u.Id);
    }
}
