using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Data.Configurations;

internal sealed class UnitYearComplianceConfiguration : IEntityTypeConfiguration<UnitYearCompliance>
{
    public void Configure(EntityTypeBuilder<UnitYearCompliance> builder)
    {
        builder.ToTable("UnitYearCompliances");
        builder.HasKey(r => new { r.UnitId, r.Year });

        // Digits only (TreeKey): no Unicode needed, and the index stays within SQL Server's key size.
        builder.Property(r => r.TreeKey).HasMaxLength(TreeKey.MaxLength).IsUnicode(false).IsRequired();
        builder.Property(r => r.Generation).IsConcurrencyToken();
        foreach (var requirement in Requirements.All)
        {
            builder.Property(UnitYearCompliance.StateOf(requirement)).HasConversion<string>().HasMaxLength(16);
        }

        // The heat map's pages and the dashboard's lists in tree order, a jurisdiction's keys a range of it (the unit's
        // own key and those below it); the stale rows of a year (judged for another day, or marked) found as ranges.
        builder.HasIndex(r => new { r.Year, r.TreeKey, r.UnitId });
        builder.HasIndex(r => new { r.Year, r.JudgedFor });

        // A unit removed (only an import undone removes units) takes its judgements with it.
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplianceCoverageConfiguration : IEntityTypeConfiguration<ComplianceCoverage>
{
    public void Configure(EntityTypeBuilder<ComplianceCoverage> builder)
    {
        builder.ToTable("ComplianceCoverages");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

internal sealed class ComplianceChangeConfiguration : IEntityTypeConfiguration<ComplianceChange>
{
    public void Configure(EntityTypeBuilder<ComplianceChange> builder) => builder.ToTable("ComplianceChanges");
}
