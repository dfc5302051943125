using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Core.Leaders;

/// <summary>
/// Who maintains leaders and their postings: administrators and secrecy officers (issue 3, "Access"), for leaders whose
/// record is kept in their jurisdiction and postings whose unit and leader are both there. Every role reads them there
/// (unit leaders: their own unit).
/// </summary>
public static class LeaderAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Leaders", nameof(CanMaintain), "Issue 3, Access: administrators and secrecy officers maintain master data (leaders and postings)", CanMaintain),
    ];

    /// <summary>Create and edit leaders, deactivate and reactivate them; create, correct and end postings.</summary>
    public static bool CanMaintain(ICurrentUser user) => Permissions.IsSecrecyOffice(user);

    public static void RequireMaintainer(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanMaintain(user));

    /// <summary>The postings a maintainer may change: both the posting's unit and its leader's record in the jurisdiction.</summary>
    public static IQueryable<Posting> WritablePostings(IQueryable<Posting> postings, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var visible = jurisdiction.UnitIds();
        return postings.Where(p => visible.Contains(p.UnitId) && visible.Contains(p.Leader!.UnitId));
    }
}
