using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>
/// Who maintains a unit's secrecy organization (P5.2, S6.1) and its rule register, with the rule areas marked not
/// applicable (S6.6): the secrecy office, administrators and secrecy officers, within their jurisdiction (issue 3,
/// "Access"). Every role reads them there.
/// </summary>
public static class SecrecyOrganizationAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Secrecy organizations", nameof(CanMaintain), "Issue 3, Access: the secrecy office maintains the organization and the rule register (S6.6)", CanMaintain),
    ];

    /// <summary>Save the organization; record, change and withdraw rule register entries and not-applicable marks.</summary>
    public static bool CanMaintain(ICurrentUser user) => Permissions.IsSecrecyOffice(user);

    public static void RequireMaintainer(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanMaintain(user));
}
