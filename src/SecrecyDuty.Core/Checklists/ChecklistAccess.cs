using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Checklists;

/// <summary>
/// Who reads and reviews duty checklists (arts. 4–7, 9; docs/decisions/0009-appraisal-visibility.md). The posting's
/// leader works through his or her own. The secrecy office (administrators and secrecy officers) reviews those of its
/// jurisdiction and generates them in bulk; the roles that review or oversee checklists read those of their
/// jurisdiction with the secrecy organization's opinion. A unit leader's role alone reads his or her own, and the whole
/// unit's only while his or her leader holds a principal leader's posting in the account's unit (art. 5, the team's
/// progress, without the opinion on a colleague). Anything else is reported exactly as a missing one.
/// </summary>
public static class ChecklistAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Checklists", nameof(CanReadJurisdiction), "Decision 0009: the roles that review or oversee checklists read the jurisdiction's, with the opinion", CanReadJurisdiction),
        new("Checklists", nameof(CanReview), "Art. 9: the secrecy office reviews checklists with the secrecy organization's opinion", CanReview),
        new("Checklists", nameof(CanGenerate), "Arts. 4–7: the secrecy office generates the missing checklists of a unit in bulk", CanGenerate),
    ];

    /// <summary>Read every checklist of the jurisdiction, with the secrecy organization's opinion.</summary>
    public static bool CanReadJurisdiction(ICurrentUser user) => Permissions.OverseesJurisdiction(user);

    /// <summary>Review a submitted checklist of the jurisdiction, or return it (never one's own: the service checks that).</summary>
    public static bool CanReview(ICurrentUser user) => Permissions.IsSecrecyOffice(user);

    /// <summary>Generate the missing checklists of a unit's postings in scope for a year.</summary>
    public static bool CanGenerate(ICurrentUser user) => Permissions.IsSecrecyOffice(user);

    public static void RequireReviewer(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanReview(user));

    public static void RequireGenerator(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanGenerate(user));

    /// <summary>
    /// The postings whose checklists the account reads, as one query to compose (SQL does the filtering);
    /// <paramref name="me"/> is the account's leader (<c>AppUser.LeaderId</c>).
    /// </summary>
    public static IQueryable<Posting> ReadablePostings(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user, int? me, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(user);
        // EXISTS per posting rather than IN (the jurisdiction's units): the checklists list then walks the unit code
        // index in its default order and stops at the page (issue 10, docs/decisions/0025).
        var visible = jurisdiction.UnitIds();
        if (CanReadJurisdiction(user))
        {
            return db.Postings.Where(p => visible.Any(id => id == p.UnitId) || (me != null && p.LeaderId == me));
        }

        var unitId = user.UnitId;
        var leadsTheTeam = db.Postings.Where(q =>
            me != null && q.LeaderId == me && q.UnitId == unitId && q.Role == PostingRole.PrincipalLeader
            && q.From <= today && (q.To == null || q.To >= today));
        return db.Postings.Where(p => (me != null && p.LeaderId == me) || (visible.Any(id => id == p.UnitId) && leadsTheTeam.Any()));
    }
}
