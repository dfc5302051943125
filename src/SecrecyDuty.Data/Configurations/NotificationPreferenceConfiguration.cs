using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Data.Configurations;

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.MutedKinds).HasMaxLength(NotificationPreference.MutedKindsMaxLength).IsRequired();
        builder.Property(p => p.Email).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Language).HasMaxLength(NotificationPreference.LanguageMaxLength);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<NotificationPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
