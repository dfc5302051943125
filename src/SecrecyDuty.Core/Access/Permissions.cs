using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Access;

/// <summary>Who may do what, by role; the jurisdiction then limits where.</summary>
public static class Permissions
{
    /// <summary>Administrators and secrecy officers maintain master data (units, leaders, postings, secrecy organizations).</summary>
    public static bool CanMaintainMasterData(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.SecrecyOfficer));
    }

    /// <summary>Administrators only read the audit trail.</summary>
    public static bool CanReadAuditTrail(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && user.IsInRole(Roles.Administrator);
    }
}
