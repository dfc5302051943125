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
    /// Before a save: a new record starts at <see cref="Versions.First"/>; a changed one (a content column changed) goes to
    /// the next version; a record a service expects at a version (<paramref name="expected"/>: the version the editor saw)
    /// is written, or removed, only while it is still at that version, and goes to the next one even when only rows below it
    /// changed. New and changed records are stamped with who and when. An update that changes nothing an editor sees (an
    /// account's sign-in bookkeeping) keeps its version. The expectations are used up.
    /// </summary>
    public static void Stamp(ChangeTracker tracker, DateTime atUtc, string userName, Dictionary<object, int> expected)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            var record = entry.Entity;
            var version = entry.Property(r => r.Version);
            int? seen = expected.Remove(record, out var value) ? value : null;
            switch (entry.State)
            {
                case EntityState.Added:
                    Raise(entry, Versions.First, atUtc, userName);
                    break;
                case EntityState.Deleted when seen is int removedAt:
                    version.OriginalValue = removedAt;
                    break;
                case EntityState.Modified or EntityState.Unchanged when seen is int savedOver:
                    version.OriginalValue = savedOver;
                    Raise(entry, Versions.Next(savedOver), atUtc, userName);
                    break;
                case EntityState.Modified when entry.Properties.Any(p =>
                    p.IsModified
                    && !StampProperties.Contains(p.Metadata.Name)
                    && !record.IsBookkeeping(p.Metadata.Name)
                    && !Equals(p.OriginalValue, p.CurrentValue)):
                    Raise(entry, Versions.Next(version.OriginalValue), atUtc, userName);
                    break;
            }
        }

        expected.Clear();
    }

    /// <summary>Through the entry, so that the columns are written whether or not the save detects changes itself (an import does not).</summary>
    private static void Raise(EntityEntry<IVersioned> entry, int version, DateTime atUtc, string userName)
    {
        entry.Property(r => r.Version).CurrentValue = version;
        entry.Property(r => r.SavedAtUtc).CurrentValue = atUtc;
        entry.Property(r => r.SavedBy).CurrentValue = userName;
    }
}
