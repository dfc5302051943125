using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Access;

/// <summary>
/// One role rule of an area: the action (the name of the access class's <c>Can*</c> method), where the rule comes from
/// (an article or the issue), and the predicate itself.
/// </summary>
public sealed record AccessRule(string Area, string Action, string Basis, Func<ICurrentUser, bool> Allows)
{
    /// <summary>Whether a signed-in account that holds <paramref name="role"/> alone may take the action.</summary>
    public bool AllowsRole(string role) => Allows(new FixedCurrentUser(role, 1, role));
}

/// <summary>
/// Every area's role rules, to enumerate over <see cref="Roles.All"/> (the access-matrix test, the documentation).
/// Each area's access class lists its own in <c>Rules</c>; a test holds this list complete: every public
/// <c>Can*(ICurrentUser)</c> of every <c>*Access</c> class is in it.
/// </summary>
public static class AccessMatrix
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        .. AccountAccess.Rules,
        .. AuditAccess.Rules,
        .. UnitAccess.Rules,
        .. LeaderAccess.Rules,
        .. SecrecyOrganizationAccess.Rules,
        .. ImportAccess.Rules,
        .. ActivityAccess.Rules,
        .. ChecklistAccess.Rules,
        .. AppraisalAccess.Rules,
        .. InspectionAccess.Rules,
        .. ProposalAccess.Rules,
        .. IncidentAccess.Rules,
    ];
}
