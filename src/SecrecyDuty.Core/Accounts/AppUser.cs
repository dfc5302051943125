using Microsoft.AspNetCore.Identity;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Accounts;

/// <summary>A signed-in person. Every account belongs to one unit: the root of its jurisdiction.</summary>
public class AppUser : IdentityUser, IVersioned
{
    public string DisplayName { get; set; } = "";

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>The leader this account belongs to, for a unit leader: his or her own postings, checklists and appraisals.</summary>
    public int? LeaderId { get; set; }

    public Leaders.Leader? Leader { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When an administrator deactivated the account: it cannot sign in and its sessions end (issue 14, finding 2).</summary>
    public DateTime? DeactivatedAtUtc { get; set; }

    /// <summary>
    /// The time step (Unix seconds / 30) of the last authenticator code accepted, so that a code is accepted once only
    /// (RFC 6238 §5.2; ASVS V6.5.1).
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }

    public bool IsDeactivated => DeactivatedAtUtc is not null;

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    /// <summary>
    /// What Identity itself writes at sign-in and sign-out (the failed-attempt count, the lockout, the session stamp, the
    /// last authenticator step) is not an edit of the account: an administrator's form stays current across it.
    /// </summary>
    bool IVersioned.IsBookkeeping(string propertyName) =>
        propertyName is nameof(SecurityStamp) or nameof(ConcurrencyStamp) or nameof(AccessFailedCount) or nameof(LockoutEnd) or nameof(LastAuthenticatorTimeStep);
}
