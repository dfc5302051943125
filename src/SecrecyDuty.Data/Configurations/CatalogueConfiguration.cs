using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Data.Configurations;

internal sealed class RegulationConfiguration : IEntityTypeConfiguration<Regulation>
{
    public void Configure(EntityTypeBuilder<Regulation> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Version).HasMaxLength(32).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.TitleEn).HasMaxLength(300).IsRequired();
        builder.Property(r => r.SourceFile).HasMaxLength(260).IsRequired();
        builder.HasIndex(r => new { r.Code, r.Version }).IsUnique();

        // A regulation version is reference data: its rows go with it, and records refer to them with Restrict.
        builder.HasMany(r => r.Articles).WithOne().HasForeignKey(a => a.RegulationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegulationArticleConfiguration : IEntityTypeConfiguration<RegulationArticle>
{
    public void Configure(EntityTypeBuilder<RegulationArticle> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Source).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Label).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Text).IsRequired();
        builder.Property(a => a.SummaryEn).IsRequired();
        builder.HasIndex(a => new { a.RegulationId, a.Code }).IsUnique();
    }
}

internal sealed class DutyItemConfiguration : IEntityTypeConfiguration<DutyItem>
{
    public void Configure(EntityTypeBuilder<DutyItem> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(16).IsRequired();
        builder.Property(d => d.Text).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.SummaryEn).HasMaxLength(1000).IsRequired();
        builder.HasIndex(d => new { d.RegulationId, d.Code }).IsUnique();
        builder.HasOne<Regulation>().WithMany().HasForeignKey(d => d.RegulationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Article).WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RuleAreaConfiguration : IEntityTypeConfiguration<RuleArea>
{
    public void Configure(EntityTypeBuilder<RuleArea> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.NameEn).HasMaxLength(300).IsRequired();
        builder.HasIndex(r => new { r.RegulationId, r.Code }).IsUnique();
        builder.HasOne<Regulation>().WithMany().HasForeignKey(r => r.RegulationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeficiencyCategoryConfiguration : IEntityTypeConfiguration<DeficiencyCategory>
{
    public void Configure(EntityTypeBuilder<DeficiencyCategory> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(16).IsRequired();
        builder.Property(d => d.Text).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.SummaryEn).HasMaxLength(1000).IsRequired();
        builder.HasIndex(d => new { d.RegulationId, d.Code }).IsUnique();
        builder.HasOne<Regulation>().WithMany().HasForeignKey(d => d.RegulationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Article).WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SanctionRuleConfiguration : IEntityTypeConfiguration<SanctionRule>
{
    public void Configure(EntityTypeBuilder<SanctionRule> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(16).IsRequired();
        builder.Property(s => s.Condition).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.ConditionEn).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.Administrative).HasMaxLength(500);
        builder.Property(s => s.AdministrativeEn).HasMaxLength(500);
        builder.Property(s => s.Party).HasMaxLength(500);
        builder.Property(s => s.PartyEn).HasMaxLength(500);
        builder.HasIndex(s => new { s.RegulationId, s.Code }).IsUnique();
        builder.HasOne<Regulation>().WithMany().HasForeignKey(s => s.RegulationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Article).WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}
