using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Checklists;
namespace SecrecyDuty.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Presenters).HasMaxLength(500).IsRequired();
        builder.Property(a => a.Topics).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.Decisions).HasMaxLength(4000);
        builder.Property(a => a.FollowUpActions).HasMaxLength(4000);
        builder.Property(a => a.Audience).HasMaxLength(500);
        builder.Property(a => a.ReviewedItem).HasMaxLength(500);
        builder.Property(a => a.Reviewer).HasMaxLength(100);
        builder.Property(a => a.ReviewOutcome).HasMaxLength(32);

        // Compliance counts activities of a kind per unit and period.
        builder.HasIndex(a => new { a.UnitId, a.Kind, a.Date });

        // Issue 10: the activities list's default order (newest first, read from the index up to a page), and the
        // compliance counts of a year by kind (a range of dates per kind, the unit read from the index alone).
        builder.HasIndex(a => a.Date);
        builder.HasIndex(a => new { a.Kind, a.Date, a.UnitId });
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Attendance).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_Activities_HeadCount", "[HeadCount] IS NULL OR [HeadCount] >= 0"));
    }
}

internal sealed class ActivityAttendanceConfiguration : IEntityTypeConfiguration<ActivityAttendance>
{
    public void Configure(EntityTypeBuilder<ActivityAttendance> builder)
    {
        builder.HasKey(a => new { a.ActivityId, a.PostingId });
        builder.HasIndex(a => a.PostingId);
        builder.HasOne(a => a.Posting).WithMany().HasForeignKey(a => a.PostingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(255).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.UploadedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(e => e.ActivityId);
        builder.HasIndex(e => e.RectificationOrderId);
        builder.HasIndex(e => e.ScoreSheetId);

        // Evidence of exactly one record: an activity, a rectification report or a self-assessment.
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_EvidenceFiles_OneOwner",
            "(CASE WHEN [ActivityId] IS NULL THEN 0 ELSE 1 END) + (CASE WHEN [RectificationOrderId] IS NULL THEN 0 ELSE 1 END) + (CASE WHEN [ScoreSheetId] IS NULL THEN 0 ELSE 1 END) = 1"));

        // The bytes live in their own table so that listing evidence never reads them.
        builder.HasOne(e => e.Content).WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.HasKey(c => c.EvidenceFileId);
        builder.Property(c => c.Bytes).IsRequired();
    }
}

internal sealed class DutyChecklistConfiguration : IEntityTypeConfiguration<DutyChecklist>
{
    public void Configure(EntityTypeBuilder<DutyChecklist> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ReviewedBy).HasMaxLength(256);
        builder.Property(c => c.OrganizationOpinion).HasMaxLength(4000);

        // One checklist per posting and year.
        builder.HasIndex(c => new { c.PostingId, c.Year }).IsUnique();
        builder.HasIndex(c => new { c.UnitId, c.Year, c.Status });
        builder.HasOne(c => c.Posting).WithMany().HasForeignKey(c => c.PostingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Units.Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Regulation>().WithMany().HasForeignKey(c => c.RegulationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.ChecklistId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DutyChecklistItemConfiguration : IEntityTypeConfiguration<DutyChecklistItem>
{
    public void Configure(EntityTypeBuilder<DutyChecklistItem> builder)
    {
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.NotApplicableReason).HasMaxLength(1000);
        builder.Property(i => i.SelfAssessment).HasMaxLength(4000);
        builder.HasIndex(i => new { i.ChecklistId, i.DutyItemId }).IsUnique();
        builder.HasOne(i => i.DutyItem).WithMany().HasForeignKey(i => i.DutyItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppraisalConfiguration : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> builder)
    {
        builder.Property(a => a.Grade).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.DutyReportSection).HasMaxLength(8000);
        builder.Property(a => a.OrganizationOpinion).HasMaxLength(4000);
        builder.Property(a => a.Commendation).HasMaxLength(1000);
        builder.Property(a => a.FinalizedBy).HasMaxLength(256);

        // One appraisal per leader and year (art. 9).
        builder.HasIndex(a => new { a.LeaderId, a.Year }).IsUnique();
        builder.HasIndex(a => new { a.UnitId, a.Year });
        builder.HasOne(a => a.Leader).WithMany().HasForeignKey(a => a.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Units.Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
