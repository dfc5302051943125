using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Auditing;

/// <summary>Who reads the audit trail: administrators, within their jurisdiction (issue 3, "Audit trail").</summary>
public static class AuditAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Audit trail", nameof(CanReadAuditTrail), "Issue 3, Audit trail: administrators only", CanReadAuditTrail),
    ];

    public static bool CanReadAuditTrail(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator);

    public static void RequireAuditReader(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanReadAuditTrail(user));
}
