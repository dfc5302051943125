using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Appraisals;

/// <summary>
/// Who writes and reads the annual appraisal (art. 9; docs/decisions/0009-appraisal-visibility.md). The leader writes
/// the secrecy section of his or her own duty report, whatever the role. The secrecy office writes the secrecy
/// organization's opinion; the cadre official grades and finalizes; both only within the jurisdiction and never on
/// their own appraisal (the service checks the leader). Appraisal grades are personnel records: a unit leader's role
/// reads only his or her own.
/// </summary>
public static class AppraisalAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Appraisals", nameof(CanReadJurisdiction), "Decision 0009: the roles that work on or oversee appraisals read the jurisdiction's", CanReadJurisdiction),
        new("Appraisals", nameof(CanWriteOrganizationOpinion), "Art. 9: the secrecy office writes the secrecy organization's opinion, and only that", CanWriteOrganizationOpinion),
        new("Appraisals", nameof(CanDecide), "Arts. 9–10: the cadre official (organization and personnel) grades, commends and finalizes", CanDecide),
    ];

    /// <summary>Read the appraisals of leaders whose record is kept in the jurisdiction.</summary>
    public static bool CanReadJurisdiction(ICurrentUser user) => Permissions.OverseesJurisdiction(user);

    /// <summary>Art. 9: the appraising department hears the unit secrecy organization's opinion, written by the secrecy office.</summary>
    public static bool CanWriteOrganizationOpinion(ICurrentUser user) => Permissions.IsSecrecyOffice(user);

    /// <summary>Art. 9: the organization and personnel department sets the grade and any commendation (art. 10) and finalizes.</summary>
    public static bool CanDecide(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.CadreOfficial);

    /// <summary>
    /// The leaders whose appraisals the account reads: the account's own leader, and those whose record is kept in the
    /// jurisdiction for the roles that read appraisals there. A unit leader's role alone reads no colleague's.
    /// </summary>
    public static IQueryable<Leader> ReadableLeaders(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user, int ownLeaderId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var leaders = db.Leaders.AsNoTracking();
        if (!CanReadJurisdiction(user))
        {
            return leaders.Where(x => x.Id == ownLeaderId);
        }

        // EXISTS per leader rather than IN: IN lists every unit of the jurisdiction first, a province's 10,000 to read one
        // leader's appraisal (issue 10, measured).
        var visible = jurisdiction.UnitIds();
        return leaders.Where(x => visible.Any(v => v == x.UnitId) || x.Id == ownLeaderId);
    }
}
