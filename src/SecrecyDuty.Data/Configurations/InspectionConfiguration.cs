using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Data.Configurations;

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.Property(i => i.Body).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Scope).HasMaxLength(InspectionLimits.ScopeMaxLength).IsRequired();
        builder.Property(i => i.Method).HasMaxLength(InspectionLimits.TextMaxLength);
        builder.Property(i => i.Conclusion).HasMaxLength(InspectionLimits.TextMaxLength);
        builder.Property(i => i.CreatedBy).HasMaxLength(256).IsRequired();

        // Lists filter by unit and date; the plan shows what is planned by date.
        builder.HasIndex(i => new { i.UnitId, i.PlannedOn });
        builder.HasIndex(i => new { i.Status, i.PlannedOn });
        builder.HasIndex(i => i.BodyUnitId);
        builder.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.BodyUnit).WithMany().HasForeignKey(i => i.BodyUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Inspectors).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Findings).WithOne(f => f.Inspection).HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionInspectorConfiguration : IEntityTypeConfiguration<InspectionInspector>
{
    public void Configure(EntityTypeBuilder<InspectionInspector> builder)
    {
        builder.HasKey(x => new { x.InspectionId, x.UserId });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.Property(f => f.DeficiencyCode).HasMaxLength(16);
        builder.Property(f => f.OtherDeficiency).HasMaxLength(InspectionLimits.ShortTextMaxLength);
        builder.Property(f => f.Description).HasMaxLength(InspectionLimits.TextMaxLength).IsRequired();
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.EvidenceSeen).HasMaxLength(InspectionLimits.TextMaxLength);
        builder.Property(f => f.CorrectionRecommendation).HasMaxLength(InspectionLimits.TextMaxLength);
        builder.Property(f => f.CriticismDocumentNumber).HasMaxLength(InspectionLimits.DocumentNumberMaxLength);

        // Lists filter findings by code within the jurisdiction.
        builder.HasIndex(f => new { f.UnitId, f.DeficiencyCode });
        builder.HasIndex(f => f.InspectionId);
        builder.HasOne<Core.Units.Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.ResponsiblePostings).WithOne().HasForeignKey(p => p.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Order).WithOne(o => o.Finding).HasForeignKey<RectificationOrder>(o => o.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_Findings_CodeOrOther", "[DeficiencyCode] IS NOT NULL OR [OtherDeficiency] IS NOT NULL"));
    }
}

internal sealed class FindingPostingConfiguration : IEntityTypeConfiguration<FindingPosting>
{
    public void Configure(EntityTypeBuilder<FindingPosting> builder)
    {
        builder.HasKey(p => new { p.FindingId, p.PostingId });
        builder.HasIndex(p => p.PostingId);
        builder.HasOne(p => p.Posting).WithMany().HasForeignKey(p => p.PostingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RectificationOrderConfiguration : IEntityTypeConfiguration<RectificationOrder>
{
    public void Configure(EntityTypeBuilder<RectificationOrder> builder)
    {
        builder.Property(o => o.Requirements).HasMaxLength(InspectionLimits.TextMaxLength).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Report).HasMaxLength(InspectionLimits.TextMaxLength);

        // One order per finding; dashboards count open and overdue orders per unit by status and deadline.
        builder.HasIndex(o => o.FindingId).IsUnique();
        builder.HasIndex(o => new { o.UnitId, o.Status, o.Deadline });
        builder.HasIndex(o => new { o.Status, o.Deadline });
        builder.HasOne<Core.Units.Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Transitions).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Evidence).WithOne().HasForeignKey(e => e.RectificationOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_RectificationOrders_Deadline", "[Deadline] > [IssuedOn]"));
    }
}

internal sealed class RectificationTransitionConfiguration : IEntityTypeConfiguration<RectificationTransition>
{
    public void Configure(EntityTypeBuilder<RectificationTransition> builder)
    {
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.By).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Note).HasMaxLength(InspectionLimits.TextMaxLength);
        builder.HasIndex(t => t.OrderId);
    }
}
