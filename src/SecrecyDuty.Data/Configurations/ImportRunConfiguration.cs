using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Data.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.FileName).HasMaxLength(ImportLimits.FileNameMaxLength).IsRequired();
        builder.Property(r => r.CsvSheet).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Culture).HasMaxLength(16).IsRequired();

        // The page lists an account's recent jobs, newest first; the clean-up finds the old ones.
        builder.HasIndex(r => new { r.OwnerId, r.CreatedAtUtc });
        builder.HasIndex(r => r.CreatedAtUtc);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
