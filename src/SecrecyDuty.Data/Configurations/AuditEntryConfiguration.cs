using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Auditing;

namespace SecrecyDuty.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.EntityType).HasMaxLength(64).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Changes).IsRequired();

        // The trail is read newest first, by record, and by unit; it has no foreign keys so that it
        // outlives anything it describes.
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => new { a.UnitId, a.AtUtc });

        // The hash chain (issue 14): one entry per place; the sealing job finds the entries not sealed yet.
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength(false);
        builder.HasIndex(a => a.Sequence).IsUnique();
    }
}
