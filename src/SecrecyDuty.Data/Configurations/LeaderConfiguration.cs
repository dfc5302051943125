using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Data.Configurations;

internal sealed class LeaderConfiguration : IEntityTypeConfiguration<Leader>
{
    public void Configure(EntityTypeBuilder<Leader> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(100).IsRequired();
        builder.Property(l => l.StaffNumber).HasMaxLength(32).IsRequired();
        builder.Property(l => l.Phone).HasMaxLength(32);
        builder.Property(l => l.Email).HasMaxLength(256);
        builder.Property(l => l.Rank).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(l => l.StaffNumber).IsUnique();
        builder.HasIndex(l => l.Name);
        builder.HasIndex(l => l.UnitId);
        builder.HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> builder)
    {
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Title).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Portfolio).HasMaxLength(500);

        // The leadership team of a unit on a date, and the overlap checks, read by unit, role and period.
        builder.HasIndex(p => new { p.UnitId, p.Role, p.From });
        builder.HasIndex(p => new { p.LeaderId, p.From });

        // Records of responsibility refer to postings: never deleted by cascade.
        builder.HasOne(p => p.Leader).WithMany(l => l.Postings).HasForeignKey(p => p.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Postings_Period", "[To] IS NULL OR [To] >= [From]"));
    }
}
