using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(4000).IsRequired();
        builder.Property(i => i.RemedialMeasures).HasMaxLength(4000);
        builder.Property(i => i.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(i => i.Classification).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.LeakType).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Carrier).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Loss).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.IllegalGainsConfiscated).HasPrecision(18, 2);
        builder.PrimitiveCollection(i => i.AggravatingFacts).ElementType(e => e.HasConversion<string>().HasMaxLength(32));

        // Lists filter the jurisdiction's files by unit and discovery.
        builder.HasIndex(i => new { i.UnitId, i.DiscoveredAtUtc });

        // Issue 10: the incident list's default order, newest first.
        builder.HasIndex(i => i.DiscoveredAtUtc);
        builder.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Persons).WithOne().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Transitions).WithOne().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Grants).WithOne().HasForeignKey(g => g.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.LinkedFindings).WithOne().HasForeignKey(f => f.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_Incidents_IllegalGains", "[IllegalGainsConfiscated] IS NULL OR [IllegalGainsConfiscated] >= 0"));
    }
}

internal sealed class IncidentPersonConfiguration : IEntityTypeConfiguration<IncidentPerson>
{
    public void Configure(EntityTypeBuilder<IncidentPerson> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Post).HasMaxLength(200);
        builder.Property(p => p.Relation).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Involvement).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => p.IncidentId);
        builder.HasIndex(p => p.PostingId);
        builder.HasOne(p => p.Posting).WithMany().HasForeignKey(p => p.PostingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Leaders.Posting>().WithMany().HasForeignKey(p => p.RelatedPostingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Decision).WithOne().HasForeignKey<SanctionDecision>(d => d.IncidentPersonId).OnDelete(DeleteBehavior.Cascade);

        // A leader through a posting, or another person by name.
        builder.ToTable(t => t.HasCheckConstraint("CK_IncidentPersons_PostingOrName", "[PostingId] IS NOT NULL OR [Name] IS NOT NULL"));
    }
}

internal sealed class SanctionDecisionConfiguration : IEntityTypeConfiguration<SanctionDecision>
{
    public void Configure(EntityTypeBuilder<SanctionDecision> builder)
    {
        builder.HasKey(d => d.IncidentPersonId);
        builder.Property(d => d.Administrative).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Party).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.DocumentNumber).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Justification).HasMaxLength(4000);
        builder.Property(d => d.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(d => d.IncidentId);

        // The person cascades its decision; the file is reached through the person (one cascade path for SQL Server).
        builder.HasOne<Incident>().WithMany().HasForeignKey(d => d.IncidentId).OnDelete(DeleteBehavior.ClientCascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_SanctionDecisions_Justified", "[OutsideGuidance] = 0 OR [Justification] IS NOT NULL"));
    }
}

internal sealed class IncidentTransitionConfiguration : IEntityTypeConfiguration<IncidentTransition>
{
    public void Configure(EntityTypeBuilder<IncidentTransition> builder)
    {
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.By).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Note).HasMaxLength(IncidentTransition.NoteMaxLength);
        builder.HasIndex(t => t.IncidentId);
    }
}

internal sealed class IncidentGrantConfiguration : IEntityTypeConfiguration<IncidentGrant>
{
    public void Configure(EntityTypeBuilder<IncidentGrant> builder)
    {
        builder.HasKey(g => new { g.IncidentId, g.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentOpeningConfiguration : IEntityTypeConfiguration<IncidentOpening>
{
    public void Configure(EntityTypeBuilder<IncidentOpening> builder)
    {
        builder.Property(o => o.UserId).HasMaxLength(450).IsRequired();
        builder.Property(o => o.UserName).HasMaxLength(256).IsRequired();
        builder.HasIndex(o => new { o.IncidentId, o.AtUtc });
        builder.HasOne<Incident>().WithMany().HasForeignKey(o => o.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentFindingConfiguration : IEntityTypeConfiguration<IncidentFinding>
{
    public void Configure(EntityTypeBuilder<IncidentFinding> builder)
    {
        builder.HasKey(f => new { f.IncidentId, f.FindingId });
        builder.HasOne<Finding>().WithMany().HasForeignKey(f => f.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}
