using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Data.Workflow;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Target).HasMaxLength(256);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Message).HasMaxLength(500);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.Property(n => n.Key).HasMaxLength(128);
        builder.HasIndex(n => new { n.UserId, n.At });
        builder.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        builder.HasOne<CmsUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SensitiveWordConfiguration : IEntityTypeConfiguration<SensitiveWord>
{
    public void Configure(EntityTypeBuilder<SensitiveWord> builder)
    {
        builder.Property(w => w.Word).HasMaxLength(64);
        builder.Property(w => w.Level).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(w => w.Word).IsUnique();
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne<CmsUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
