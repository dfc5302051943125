using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Activities;

/// <summary>
/// Who records activities and their evidence: unit leaders for their own unit (the briefings they hear, the
/// meetings they chair), secrecy officers and administrators over their jurisdiction. Supervisors and discipline
/// officials read them only. Everybody reads within the jurisdiction.
/// </summary>
internal static class ActivityAccess
{
    public static bool CanRecord(ICurrentUser user) =>
        user.IsAuthenticated && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.SecrecyOfficer) || user.IsInRole(Roles.UnitLeader));

    public static void RequireRecorder(ICurrentUser user)
    {
        if (!CanRecord(user))
        {
            throw new AccessDeniedException();
        }
    }

    /// <summary>The units whose activities the account may record and change: a unit leader's own unit only, whatever other role it has.</summary>
    public static IQueryable<int> WritableUnitIds(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user)
    {
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.SecrecyOfficer))
        {
            return jurisdiction.UnitIds();
        }

        var own = user.IsAuthenticated && user.IsInRole(Roles.UnitLeader) ? user.UnitId ?? 0 : 0;
        return db.Units.Where(u => u.Id == own).Select(u => u.Id);
    }
}
