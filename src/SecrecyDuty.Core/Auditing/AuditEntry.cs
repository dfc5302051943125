namespace SecrecyDuty.Core.Auditing;

/// <summary>Marks an entity whose every create, update and deactivation is written to the audit trail.</summary>
public interface IAudited
{
    /// <summary>
    /// The unit the record belongs to, so that the trail can be read by jurisdiction. Null for a part of a record (a checklist
    /// item, an attendance, an evidence file): its entry takes the unit of the audited record it belongs to.
    /// </summary>
    int? AuditUnitId { get; }
}

public enum AuditAction
{
    Create,
    Update,
    Deactivate,
    Reactivate,
    Move,
    Import,
    Delete,

    /// <summary>A password sign-in accepted (issue 14: every sign-in is in the trail).</summary>
    SignIn,

    /// <summary>A password sign-in refused: wrong password, unknown name, locked or deactivated account (one outcome, as the page says).</summary>
    SignInFailed,

    /// <summary>A list exported to CSV or Excel (issue 14: every export is in the trail).</summary>
    Export,

    /// <summary>A stored file downloaded: an evidence file, a rectification report, a self-assessment.</summary>
    Download,
}

/// <summary>One change: who, when, which record, and the changed fields with old and new values.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Null for the system itself (seeding, commands).</summary>
    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>The entity's CLR name: Unit, Leader, Posting, SecrecyOrganization, …</summary>
    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public int? UnitId { get; set; }

    /// <summary>JSON array of {"field","old","new"}; for an import, a summary of the batch.</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>The entry's place in the hash chain, from 1 without gaps; null until the sealing job reaches it (<see cref="AuditChain"/>).</summary>
    public long? Sequence { get; set; }

    /// <summary>SHA-256 (hex) of the previous entry's hash and this entry's fields: altering, removing or reordering a sealed entry breaks the chain.</summary>
    public string? Hash { get; set; }
}

/// <summary>One changed field of an <see cref="AuditEntry"/>.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);
