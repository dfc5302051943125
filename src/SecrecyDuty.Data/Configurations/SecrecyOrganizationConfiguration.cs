using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.SecrecyOrganizations;

namespace SecrecyDuty.Data.Configurations;

internal sealed class SecrecyOrganizationConfiguration : IEntityTypeConfiguration<SecrecyOrganization>
{
    public void Configure(EntityTypeBuilder<SecrecyOrganization> builder)
    {
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.OfficeName).HasMaxLength(200);
        builder.Property(o => o.OfficeHead).HasMaxLength(100);
        builder.Property(o => o.OfficePhone).HasMaxLength(32);
        builder.Property(o => o.AnnualBudget).HasPrecision(18, 2);
        builder.Property(o => o.Facilities).HasMaxLength(2000);

        // P5.2: one secrecy organization per unit.
        builder.HasIndex(o => o.UnitId).IsUnique();
        builder.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.ChairLeader).WithMany().HasForeignKey(o => o.ChairLeaderId).OnDelete(DeleteBehavior.Restrict);

        // Members and cadres are parts of the organization's record.
        builder.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.SecrecyOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Cadres).WithOne().HasForeignKey(c => c.SecrecyOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecrecyOrganizationMemberConfiguration : IEntityTypeConfiguration<SecrecyOrganizationMember>
{
    public void Configure(EntityTypeBuilder<SecrecyOrganizationMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Position).HasMaxLength(100);
        builder.HasOne(m => m.Leader).WithMany().HasForeignKey(m => m.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecrecyCadreConfiguration : IEntityTypeConfiguration<SecrecyCadre>
{
    public void Configure(EntityTypeBuilder<SecrecyCadre> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Position).HasMaxLength(100);
    }
}

internal sealed class RuleRegisterEntryConfiguration : IEntityTypeConfiguration<RuleRegisterEntry>
{
    public void Configure(EntityTypeBuilder<RuleRegisterEntry> builder)
    {
        builder.Property(r => r.DocumentReference).HasMaxLength(200).IsRequired();

        // One entry per rule area per unit (S6.6).
        builder.HasIndex(r => new { r.UnitId, r.RuleAreaId }).IsUnique();
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RuleArea).WithMany().HasForeignKey(r => r.RuleAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RuleAreaExemptionConfiguration : IEntityTypeConfiguration<RuleAreaExemption>
{
    public void Configure(EntityTypeBuilder<RuleAreaExemption> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(500).IsRequired();
        builder.Property(r => r.RecordedBy).HasMaxLength(256).IsRequired();

        // One exemption per rule area per unit.
        builder.HasIndex(r => new { r.UnitId, r.RuleAreaId }).IsUnique();
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RuleArea).WithMany().HasForeignKey(r => r.RuleAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
