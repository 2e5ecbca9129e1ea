using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Data.Media;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.OriginalName).HasMaxLength(255);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Alt).HasMaxLength(300);
        builder.Property(m => m.CityCode).HasMaxLength(6);
        builder.Property(m => m.UploadedById).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.Sha256);
        builder.HasIndex(m => new { m.Kind, m.CreatedAt });
        builder.HasIndex(m => m.CityCode);
        builder.HasOne<MediaAsset>().WithMany().HasForeignKey(m => m.PosterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MediaAsset>().WithMany().HasForeignKey(m => m.CaptionsId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediaUsageConfiguration : IEntityTypeConfiguration<MediaUsage>
{
    public void Configure(EntityTypeBuilder<MediaUsage> builder)
    {
        builder.HasKey(u => new { u.ContentItemId, u.MediaAssetId, u.Field });
        builder.Property(u => u.Field).HasMaxLength(16);
        builder.HasIndex(u => u.ContentItemId);
        builder.HasIndex(u => u.MediaAssetId);
        // No foreign key to the media: the writer checks references on save, and deleting media consults this table.
        builder.HasOne<ContentItem>().WithMany(i => i.Media).HasForeignKey(u => u.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
