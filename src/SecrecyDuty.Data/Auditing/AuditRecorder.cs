using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Data.Versioning;

namespace SecrecyDuty.Data.Auditing;

/// <summary>
/// Turns the tracked changes of audited entities into audit entries. Captured before the save (old values
/// are still known), completed after it (generated keys are known), written in the same transaction.
/// </summary>
internal static class AuditRecorder
{
    internal sealed class Pending(EntityEntry entry, AuditAction action, IReadOnlyList<AuditChange> changes)
    {
        public EntityEntry Entry => entry;

        /// <summary>The record whose unit the entry takes: the entity itself, or for a part the audited record it belongs to.</summary>
        public IAudited? Owner { get; set; }

        public AuditEntry Complete(DateTime atUtc, string? userId, string userName)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue));
            return new AuditEntry
            {
                AtUtc = atUtc,
                UserId = userId,
                UserName = userName,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", key),
                UnitId = ((IAudited)entry.Entity).AuditUnitId ?? Owner?.AuditUnitId,
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
            };
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries().Where(e => e.Entity is IAudited))
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, AuditAction.Create, [.. entry.Properties
                        .Where(p => !p.Metadata.IsPrimaryKey() && !IsVersionStamp(p) && p.CurrentValue is not null)
                        .Select(p => new AuditChange(p.Metadata.Name, null, Format(p.CurrentValue)))]));
                    break;
                case EntityState.Modified:
                    var changes = entry.Properties
                        .Where(p => p.IsModified && !IsVersionStamp(p) && !Equals(p.OriginalValue, p.CurrentValue))
                        .Select(p => new AuditChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue)))
                        .ToList();
                    if (changes.Count > 0)
                    {
                        pending.Add(new Pending(entry, ActionOf(changes), changes));
                    }

                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, AuditAction.Delete, [.. entry.Properties
                        .Where(p => !p.Metadata.IsPrimaryKey() && !IsVersionStamp(p) && p.OriginalValue is not null)
                        .Select(p => new AuditChange(p.Metadata.Name, Format(p.OriginalValue), null))]));
                    break;
            }
        }

        return pending;
    }

    /// <summary>
    /// Finds, for each part without a unit of its own, the audited record it belongs to (through its foreign keys, from the
    /// tracked entities or else the database), so that every entry of a unit's record is read within that unit's jurisdiction.
    /// Run before the save: a removed part still knows its keys.
    /// </summary>
    public static async Task ResolveOwnersAsync(DbContext db, List<Pending> pending, bool async, CancellationToken cancellationToken)
    {
        foreach (var item in pending)
        {
            item.Owner = await OwnerAsync(db, item.Entry, async, depth: 0, cancellationToken);
        }
    }

    private static async Task<IAudited?> OwnerAsync(DbContext db, EntityEntry entry, bool async, int depth, CancellationToken cancellationToken)
    {
        if (entry.Entity is IAudited { AuditUnitId: not null } audited)
        {
            return audited;
        }

        if (depth > 3)
        {
            return null;
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys().Where(k => typeof(IAudited).IsAssignableFrom(k.PrincipalEntityType.ClrType)))
        {
            var values = foreignKey.Properties
                .Select(p => entry.State == EntityState.Deleted ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue)
                .ToArray();
            if (values.Any(v => v is null))
            {
                continue;
            }

            var principal = async
                ? await db.FindAsync(foreignKey.PrincipalEntityType.ClrType, values, cancellationToken)
                : db.Find(foreignKey.PrincipalEntityType.ClrType, values);
            if (principal is not null && await OwnerAsync(db, db.Entry(principal), async, depth + 1, cancellationToken) is { } owner)
            {
                return owner;
            }
        }

        return null;
    }

    // The version and its stamp say when and by whom, as the entry itself does: not a change of the record's content.
    private static bool IsVersionStamp(PropertyEntry property) =>
        property.EntityEntry.Entity is Core.Common.IVersioned && RecordVersions.StampProperties.Contains(property.Metadata.Name);

    private static AuditAction ActionOf(List<AuditChange> changes)
    {
        var active = changes.Find(c => c.Field == "IsActive");
        if (active is not null)
        {
            return active.New == "True" ? AuditAction.Reactivate : AuditAction.Deactivate;
        }

        return changes.Exists(c => c.Field == "ParentId") ? AuditAction.Move : AuditAction.Update;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
