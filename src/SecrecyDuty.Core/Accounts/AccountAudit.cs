using System.Text.Json;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Accounts;

/// <summary>
/// Audit entries for what is done to an account (password changed or reset, deactivated, reactivated, unlocked, role
/// changed, two-factor sign-in turned on or off). Accounts are not <see cref="IAudited"/>: their rows hold hashes and
/// stamps that must not be copied into the trail, so each action writes one entry saying only what changed.
/// </summary>
internal static class AccountAudit
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Add(ISecrecyDutyDb db, ICurrentUser actor, AppUser account, AuditAction action, DateTime atUtc, params AuditChange[] changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = atUtc,
            UserId = actor.UserId,
            UserName = actor.UserName ?? "",
            Action = action,
            EntityType = "Account",
            EntityId = account.Id,
            UnitId = account.UnitId,
            Changes = JsonSerializer.Serialize(changes, Json),
        });
}
