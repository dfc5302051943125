using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.RecordType).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Subject).HasMaxLength(NotificationLimits.SubjectMaxLength).IsRequired();

        // Issue 12: a reminder is stored exactly once, whichever instance runs the job and however often: the database
        // refuses a second row for the same account, kind, record and due date.
        builder.HasIndex(n => new { n.UserId, n.Kind, n.RecordType, n.RecordId, n.DueOn }).IsUnique();

        // The bell counts an account's unread ones; the list pages them unread first, newest first.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.CreatedAtUtc });
        builder.HasIndex(n => n.RecordId);

        // The e-mail job reads the notifications not sent yet.
        builder.HasIndex(n => n.EmailedAtUtc);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
