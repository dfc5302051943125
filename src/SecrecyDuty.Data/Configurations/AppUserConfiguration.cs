using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.HasIndex(u => u.UnitId);
        builder.Ignore(u => u.IsDeactivated);

        // An account keeps its unit: a unit with accounts cannot be deleted.
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Leader).WithMany().HasForeignKey(u => u.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}
