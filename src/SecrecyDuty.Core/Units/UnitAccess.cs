using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Core.Units;

/// <summary>
/// Who maintains the unit tree: administrators and secrecy officers, within their jurisdiction (issue 3, "Access").
/// Every role reads it there.
/// </summary>
public static class UnitAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Units", nameof(CanMaintain), "Issue 3, Access: administrators and secrecy officers maintain master data", CanMaintain),
    ];

    /// <summary>Create, edit, move, deactivate and reactivate units.</summary>
    public static bool CanMaintain(ICurrentUser user) => Permissions.IsSecrecyOffice(user);

    public static void RequireMaintainer(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanMaintain(user));
}
