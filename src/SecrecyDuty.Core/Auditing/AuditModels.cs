namespace SecrecyDuty.Core.Auditing;

public sealed class AuditFilter
{
    public string? User { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public AuditAction? Action { get; set; }

    /// <summary>First day included (UTC date).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day included (UTC date).</summary>
    public DateOnly? To { get; set; }
}

public sealed record AuditListItem(
    long Id,
    DateTime AtUtc,
    string UserName,
    AuditAction Action,
    string EntityType,
    string EntityId,
    string? UnitName,
    IReadOnlyList<AuditChange> Changes);
