using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Data.WeChat;

internal sealed class WeChatPostConfiguration : IEntityTypeConfiguration<WeChatPost>
{
    public void Configure(EntityTypeBuilder<WeChatPost> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.AppId).HasMaxLength(64);
        builder.Property(p => p.Marker).HasMaxLength(32);
        builder.Property(p => p.DraftMediaId).HasMaxLength(128);
        builder.Property(p => p.PublishId).HasMaxLength(64);
        builder.Property(p => p.ArticleId).HasMaxLength(128);
        builder.Property(p => p.Error).HasMaxLength(1000);
        builder.Property(p => p.RequestedById).HasMaxLength(450);
        builder.HasIndex(p => p.Marker).IsUnique();
        builder.HasIndex(p => p.PublishId);
        builder.HasIndex(p => p.CreatedAt);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WeChatPostItemConfiguration : IEntityTypeConfiguration<WeChatPostItem>
{
    public void Configure(EntityTypeBuilder<WeChatPostItem> builder)
    {
        builder.HasKey(i => new { i.PostId, i.Position });
        builder.Property(i => i.Fingerprint).HasMaxLength(64);
        builder.Property(i => i.ThumbMediaId).HasMaxLength(128);
        builder.Property(i => i.ArticleUrl).HasMaxLength(500);
        builder.HasIndex(i => i.ContentItemId);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(i => i.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WeChatPostStepConfiguration : IEntityTypeConfiguration<WeChatPostStep>
{
    public void Configure(EntityTypeBuilder<WeChatPostStep> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(32);
        builder.Property(s => s.Detail).HasMaxLength(1000);
        builder.HasIndex(s => s.PostId);
    }
}

internal sealed class WeChatUploadConfiguration : IEntityTypeConfiguration<WeChatUpload>
{
    public void Configure(EntityTypeBuilder<WeChatUpload> builder)
    {
        builder.Property(u => u.AppId).HasMaxLength(64);
        builder.Property(u => u.Key).HasMaxLength(300);
        builder.Property(u => u.Kind).HasMaxLength(8);
        builder.Property(u => u.Url).HasMaxLength(500);
        builder.Property(u => u.MediaId).HasMaxLength(128);
        builder.HasIndex(u => new { u.AppId, u.Kind, u.Key }).IsUnique();
    }
}

internal sealed class WeChatDeliveryConfiguration : IEntityTypeConfiguration<WeChatDelivery>
{
    public void Configure(EntityTypeBuilder<WeChatDelivery> builder)
    {
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(200);
        builder.HasIndex(d => d.ReceivedAt);
    }
}

internal sealed class WeChatAccountSettingsConfiguration : IEntityTypeConfiguration<WeChatAccountSettings>
{
    public void Configure(EntityTypeBuilder<WeChatAccountSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.AppId).HasMaxLength(64);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
