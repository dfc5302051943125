using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Activities;

/// <summary>
/// Who records activities and their evidence: unit leaders for their own unit (the briefings they hear, the
/// meetings they chair), secrecy officers and administrators over their jurisdiction. Supervisors, discipline
/// officials and cadre officials read them only. Everybody reads within the jurisdiction.
/// </summary>
public static class ActivityAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Activities", nameof(CanRecord), "Arts. 5–6: unit leaders record their unit's activities; the secrecy office those of its jurisdiction", CanRecord),
    ];

    /// <summary>Record, change and delete activities and their evidence (where: <see cref="WritableUnitIds"/>).</summary>
    public static bool CanRecord(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer, Roles.UnitLeader);

    public static void RequireRecorder(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanRecord(user));

    /// <summary>The units whose activities the account may record and change: a unit leader's own unit only, whatever other role it has.</summary>
    public static IQueryable<int> WritableUnitIds(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.SecrecyOfficer))
        {
            return jurisdiction.UnitIds();
        }

        var own = user.IsAuthenticated && user.IsInRole(Roles.UnitLeader) ? user.UnitId ?? 0 : 0;
        return db.Units.Where(u => u.Id == own).Select(u => u.Id);
    }
}
