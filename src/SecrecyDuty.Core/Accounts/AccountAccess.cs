using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Core.Accounts;

/// <summary>
/// Who manages accounts: administrators, within their jurisdiction (issue 3, "Accounts"; there is no self-registration).
/// The pages under <c>/Admin</c> are also closed to other roles by the Administrator policy.
/// </summary>
public static class AccountAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Accounts", nameof(CanManageAccounts), "Issue 3, Accounts: administrators create and list accounts", CanManageAccounts),
    ];

    /// <summary>List accounts and create them.</summary>
    public static bool CanManageAccounts(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator);

    public static void RequireAccountManager(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanManageAccounts(user));
}
