using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Code).HasMaxLength(32).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Level).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(u => u.Name);
        builder.HasIndex(u => u.ParentId);

        // A unit with children or records is deactivated, never deleted: no cascade.
        builder.HasOne(u => u.Parent)
            .WithMany(u => u.Children)
            .HasForeignKey(u => u.ParentId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitAncestryConfiguration : IEntityTypeConfiguration<UnitAncestry>
{
    public void Configure(EntityTypeBuilder<UnitAncestry> builder)
    {
        builder.ToTable("UnitAncestries");
        builder.HasKey(a => new { a.AncestorId, a.DescendantId });

        // Jurisdiction filters by ancestor (covered by the key); tree moves look up by descendant.
        builder.HasIndex(a => new { a.DescendantId, a.Depth });
        builder.HasOne(a => a.Ancestor).WithMany().HasForeignKey(a => a.AncestorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Descendant).WithMany().HasForeignKey(a => a.DescendantId).OnDelete(DeleteBehavior.Restrict);
    }
}
