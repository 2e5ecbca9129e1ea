using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Campaign;

internal sealed class CampaignTaskConfiguration : IEntityTypeConfiguration<CampaignTask>
{
    public void Configure(EntityTypeBuilder<CampaignTask> builder)
    {
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TitlePattern).HasMaxLength(200);
        builder.HasIndex(t => new { t.EditionId, t.Kind }).IsUnique();
        builder.HasOne<Edition>().WithMany(e => e.Tasks).HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Extensions).WithOne().HasForeignKey(x => x.CampaignTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> builder)
    {
        builder.Property(x => x.CityCode).HasMaxLength(6);
        builder.Property(x => x.Reason).HasMaxLength(500);
        builder.Property(x => x.GrantedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.CampaignTaskId, x.CityCode }).IsUnique();
        builder.HasOne<City>().WithMany().HasForeignKey(x => x.CityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EventQuotaConfiguration : IEntityTypeConfiguration<EventQuota>
{
    public void Configure(EntityTypeBuilder<EventQuota> builder)
    {
        builder.HasKey(q => new { q.EditionId, q.CityCode });
        builder.Property(q => q.CityCode).HasMaxLength(6);
        builder.HasOne<Edition>().WithMany().HasForeignKey(q => q.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<City>().WithMany().HasForeignKey(q => q.CityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignMetricConfiguration : IEntityTypeConfiguration<CampaignMetric>
{
    public void Configure(EntityTypeBuilder<CampaignMetric> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(64);
        builder.Property(m => m.Label).HasMaxLength(64);
        builder.Property(m => m.Unit).HasMaxLength(16);
        builder.Property(m => m.Prefill).HasMaxLength(32);
        builder.HasIndex(m => new { m.EditionId, m.Key }).IsUnique();
        builder.HasOne<Edition>().WithMany(e => e.Metrics).HasForeignKey(m => m.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CitySubmissionConfiguration : IEntityTypeConfiguration<CitySubmission>
{
    public void Configure(EntityTypeBuilder<CitySubmission> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CityCode).HasMaxLength(6);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Property(s => s.ReviewComment).HasMaxLength(2000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.EditionId, s.Kind, s.CityCode }).IsUnique();
        builder.HasIndex(s => s.CityCode);
        builder.HasOne<Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<City>().WithMany().HasForeignKey(s => s.CityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.CitySubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionVersionConfiguration : IEntityTypeConfiguration<SubmissionVersion>
{
    public void Configure(EntityTypeBuilder<SubmissionVersion> builder)
    {
        builder.Property(v => v.Step).HasMaxLength(16);
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.By).HasMaxLength(256);
        builder.Property(v => v.Comment).HasMaxLength(2000);
        builder.HasIndex(v => new { v.CitySubmissionId, v.Number }).IsUnique();
    }
}
