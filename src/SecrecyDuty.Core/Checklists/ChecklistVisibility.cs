using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Checklists;

/// <summary>
/// Whose checklists an account reads, as one query to compose (SQL does the filtering): the roles of
/// <see cref="ChecklistRules.ReadsChecklistsOfJurisdiction"/> read the jurisdiction's; a unit leader reads his or her
/// own postings', and the whole unit's only while his or her leader holds a principal leader's posting in the account's
/// unit (art. 5, the team's progress). Anything else is reported exactly as a missing one (docs/decisions/0009).
/// </summary>
internal static class ChecklistVisibility
{
    /// <summary>The postings whose checklists the account reads; <paramref name="me"/> is its leader (<c>AppUser.LeaderId</c>).</summary>
    public static IQueryable<Posting> ReadablePostings(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user, int? me, DateOnly today)
    {
        var visible = jurisdiction.UnitIds();
        if (ChecklistRules.ReadsChecklistsOfJurisdiction(user))
        {
            return db.Postings.Where(p => visible.Contains(p.UnitId) || (me != null && p.LeaderId == me));
        }

        var unitId = user.UnitId;
        var leadsTheTeam = db.Postings.Where(q =>
            me != null && q.LeaderId == me && q.UnitId == unitId && q.Role == PostingRole.PrincipalLeader
            && q.From <= today && (q.To == null || q.To >= today));
        return db.Postings.Where(p => (me != null && p.LeaderId == me) || (visible.Contains(p.UnitId) && leadsTheTeam.Any()));
    }
}
