using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Proposals;

namespace SecrecyDuty.Data.Configurations;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Body).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Basis).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Recipient).HasMaxLength(ProposalLimits.RecipientMaxLength).IsRequired();
        builder.Property(p => p.BasisDescription).HasMaxLength(ProposalLimits.TextMaxLength).IsRequired();
        builder.Property(p => p.Content).HasMaxLength(ProposalLimits.TextMaxLength).IsRequired();
        builder.Property(p => p.DocumentNumber).HasMaxLength(ProposalLimits.DocumentNumberMaxLength);
        builder.Property(p => p.Feedback).HasMaxLength(ProposalLimits.TextMaxLength);
        builder.Property(p => p.FeedbackRecordedBy).HasMaxLength(256);
        builder.Property(p => p.CreatedBy).HasMaxLength(256).IsRequired();

        // Lists filter by unit and sent date; the dashboards by the open ones' due date.
        builder.HasIndex(p => new { p.UnitId, p.SentOn });

        // Issue 10: the proposal list's default order, newest first.
        builder.HasIndex(p => p.SentOn);
        builder.HasIndex(p => new { p.FeedbackOn, p.FeedbackDueOn });
        builder.HasIndex(p => p.LeaderId);
        builder.HasOne(p => p.Leader).WithMany().HasForeignKey(p => p.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.BodyUnit).WithMany().HasForeignKey(p => p.BodyUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Incidents.Incident>().WithMany().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Proposals_FeedbackAfterSent", "[FeedbackOn] IS NULL OR [FeedbackOn] >= [SentOn]"));
    }
}

internal sealed class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(ProposalLimits.ReasonMaxLength).IsRequired();
        builder.Property(c => c.IssuedBy).HasMaxLength(ProposalLimits.RecipientMaxLength).IsRequired();
        builder.Property(c => c.DocumentNumber).HasMaxLength(ProposalLimits.DocumentNumberMaxLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(c => new { c.UnitId, c.IssuedOn });
        builder.HasIndex(c => c.LeaderId);
        builder.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Leader).WithMany().HasForeignKey(c => c.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}
