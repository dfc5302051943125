using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Data.Versioning;

/// <summary>
/// Optimistic concurrency for every <see cref="IVersioned"/> record, in one place (docs/decisions/0020-optimistic-concurrency.md).
/// SQLite has no rowversion, so the version is an ordinary integer the app raises, a concurrency token on both providers:
/// every UPDATE of the row says "where Version = the version read", and EF Core reports a row it did not find as a
/// <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
internal static class RecordVersions
{
    /// <summary>The columns this class keeps: not the record's content, so the audit trail leaves them out.</summary>
    public static readonly FrozenSet<string> StampProperties =
        FrozenSet.ToFrozenSet([nameof(IVersioned.Version), nameof(IVersioned.SavedAtUtc), nameof(IVersioned.SavedBy)], StringComparer.Ordinal);

    public static void Configure(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList())
        {
            var entity = builder.Entity(type.ClrType);
            entity.Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            entity.Property(nameof(IVersioned.SavedBy)).HasMaxLength(256);
        }
    }

    /// <summary>
    /// Before a save: a new record starts at <see cref="Versions.First"/>; a changed one (a content column changed, or a
    /// service raised its version for the rows below it) goes to the next version. Both are stamped with who and when.
    /// An update that changes nothing an editor sees (an account's sign-in bookkeeping) keeps its version.
    /// </summary>
    public static void Stamp(ChangeTracker tracker, DateTime atUtc, string userName)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            var record = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                record.Version = Versions.First;
                record.SavedAtUtc = atUtc;
                record.SavedBy = userName;
            }
            else if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(r => r.Version);
                var raised = version.CurrentValue != version.OriginalValue;
                var changed = entry.Properties.Any(p =>
                    p.IsModified
                    && !StampProperties.Contains(p.Metadata.Name)
                    && !record.IsBookkeeping(p.Metadata.Name)
                    && !Equals(p.OriginalValue, p.CurrentValue));
                if (raised || changed)
                {
                    version.CurrentValue = Versions.Next(version.OriginalValue);
                    record.SavedAtUtc = atUtc;
                    record.SavedBy = userName;
                }
            }
        }
    }
}
