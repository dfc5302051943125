using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Data.Configurations;

// The sizes are the loader's (ScoreTemplateLoader) and the sheet's (ScoreSheetLimits): what loads, fits.
internal sealed class ScoreTemplateConfiguration : IEntityTypeConfiguration<ScoreTemplate>
{
    public void Configure(EntityTypeBuilder<ScoreTemplate> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(ScoreTemplateLoader.TemplateCodeMaxLength).IsRequired();
        builder.Property(t => t.Version).HasMaxLength(ScoreTemplateLoader.VersionMaxLength).IsRequired();
        builder.Property(t => t.Title).HasMaxLength(ScoreTemplateLoader.TitleMaxLength).IsRequired();
        builder.Property(t => t.TitleEn).HasMaxLength(ScoreTemplateLoader.TitleEnMaxLength).IsRequired();
        builder.Property(t => t.SourceFile).HasMaxLength(ScoreTemplateLoader.SourceFileMaxLength).IsRequired();
        builder.Property(t => t.LoadedBy).HasMaxLength(ScoreTemplateLoader.LoadedByMaxLength).IsRequired();
        builder.HasIndex(t => new { t.Code, t.Version }).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.LoadedByUnitId).OnDelete(DeleteBehavior.Restrict);

        // A template version is reference data: its rows go with it, and score sheets refer to them with Restrict.
        builder.HasMany(t => t.Grades).WithOne().HasForeignKey(g => g.ScoreTemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Categories).WithOne().HasForeignKey(c => c.ScoreTemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.ScoreTemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreTemplateGradeConfiguration : IEntityTypeConfiguration<ScoreTemplateGrade>
{
    public void Configure(EntityTypeBuilder<ScoreTemplateGrade> builder)
    {
        builder.Property(g => g.Minimum).HasPrecision(4, ScoreTemplateLoader.MinimumScale);
        builder.Property(g => g.Code).HasMaxLength(ScoreTemplateLoader.GradeCodeMaxLength).IsRequired();
        builder.Property(g => g.Label).HasMaxLength(ScoreTemplateLoader.GradeLabelMaxLength).IsRequired();
        builder.Property(g => g.LabelEn).HasMaxLength(ScoreTemplateLoader.GradeLabelEnMaxLength).IsRequired();
        builder.HasIndex(g => new { g.ScoreTemplateId, g.Code }).IsUnique();
    }
}

internal sealed class ScoreTemplateCategoryConfiguration : IEntityTypeConfiguration<ScoreTemplateCategory>
{
    public void Configure(EntityTypeBuilder<ScoreTemplateCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(ScoreTemplateLoader.CodeMaxLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(ScoreTemplateLoader.CategoryNameMaxLength).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(ScoreTemplateLoader.CategoryNameEnMaxLength).IsRequired();
        builder.HasIndex(c => new { c.ScoreTemplateId, c.Code }).IsUnique();

        // No action, not cascade: the template already cascades to its items, and SQL Server allows one cascade path.
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ScoreTemplateItemConfiguration : IEntityTypeConfiguration<ScoreTemplateItem>
{
    public void Configure(EntityTypeBuilder<ScoreTemplateItem> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(ScoreTemplateLoader.CodeMaxLength).IsRequired();
        builder.Property(i => i.Text).HasMaxLength(ScoreTemplateLoader.ItemTextMaxLength).IsRequired();
        builder.Property(i => i.TextEn).HasMaxLength(ScoreTemplateLoader.ItemTextMaxLength).IsRequired();
        builder.Property(i => i.Points).HasPrecision(ScoreTemplateLoader.PointsPrecision, ScoreTemplateLoader.PointsScale);
        builder.Property(i => i.DeductionPerDefect).HasPrecision(ScoreTemplateLoader.PointsPrecision, ScoreTemplateLoader.PointsScale);
        builder.Property(i => i.ExtraPerOccurrence).HasPrecision(ScoreTemplateLoader.PointsPrecision, ScoreTemplateLoader.PointsScale);
        builder.Property(i => i.DutyCode).HasMaxLength(ScoreTemplateLoader.CodeMaxLength);
        builder.Property(i => i.DeficiencyCode).HasMaxLength(ScoreTemplateLoader.CodeMaxLength).IsRequired();

        // A JSON array of kind names (["PartyOrgan","StateOrgan"]), readable in the database like the Kind column of Units.
        builder.PrimitiveCollection(i => i.UnitKinds).ElementType(e => e.HasConversion<string>().HasMaxLength(32));
        builder.HasIndex(i => new { i.ScoreTemplateId, i.Code }).IsUnique();
        builder.HasIndex(i => i.CategoryId);
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.Property(s => s.PointsApplicable).HasPrecision(8, ScoreTemplateLoader.PointsScale);
        builder.Property(s => s.PointsKept).HasPrecision(8, ScoreTemplateLoader.PointsScale);
        builder.Property(s => s.GradeCode).HasMaxLength(ScoreSheetLimits.GradeCode);

        builder.Property(s => s.SubmittedBy).HasMaxLength(256);
        builder.Property(s => s.ReviewedBy).HasMaxLength(256);
        builder.Property(s => s.ReviewOpinion).HasMaxLength(ScoreSheetLimits.ReviewOpinion);

        // One sheet per unit inspected; it goes with its inspection.
        builder.HasIndex(s => new { s.InspectionId, s.UnitId }).IsUnique();
        builder.HasOne<Inspection>().WithMany().HasForeignKey(s => s.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UnitId, s.GradeCode });
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScoreTemplate>().WithMany().HasForeignKey(s => s.ScoreTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.ScoreSheetId).OnDelete(DeleteBehavior.Cascade);

        // No cascade in the database: SQL Server allows one cascade path from an inspection to its evidence files (through the orders).
        builder.HasMany(s => s.Evidence).WithOne().HasForeignKey(e => e.ScoreSheetId).OnDelete(DeleteBehavior.ClientCascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_ScoreSheets_PercentageTenths", "[PercentageTenths] IS NULL OR [PercentageTenths] BETWEEN 0 AND 1000"));
    }
}

internal sealed class ScoreSheetEntryConfiguration : IEntityTypeConfiguration<ScoreSheetEntry>
{
    public void Configure(EntityTypeBuilder<ScoreSheetEntry> builder)
    {
        builder.Property(e => e.NotApplicableReason).HasMaxLength(ScoreSheetLimits.NotApplicableReason);
        builder.Property(e => e.Note).HasMaxLength(ScoreSheetLimits.Note);

        // One entry per item of a sheet.
        builder.HasIndex(e => new { e.ScoreSheetId, e.ScoreTemplateItemId }).IsUnique();
        builder.HasIndex(e => e.ScoreTemplateItemId);
        builder.HasOne(e => e.Item).WithMany().HasForeignKey(e => e.ScoreTemplateItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Finding).WithMany().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ScoreSheetEntries_Counts", "[DefectCount] >= 0 AND [OccurrenceCount] >= 0");
            t.HasCheckConstraint("CK_ScoreSheetEntries_NotApplicableReason", "[NotApplicable] = 0 OR [NotApplicableReason] IS NOT NULL");
        });
    }
}
