using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Content;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Slug).HasMaxLength(120);
        builder.Property(i => i.Title).HasMaxLength(200);
        // The simple text fields carry their column's limit on the entity ([MaxLength]), beside their declaration.
        builder.Property(i => i.WeChatUrl).HasMaxLength(500);
        builder.Property(i => i.CityCode).HasMaxLength(6);
        builder.Property(i => i.ImportedHash).HasMaxLength(64);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.WorkingCopyState).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ReviewComment).HasMaxLength(2000);
        builder.Property(i => i.CreatedById).HasMaxLength(450);
        builder.Property(i => i.WorkingCopyById).HasMaxLength(450);
        builder.HasIndex(i => i.DeletedAt);

        // Slugs are unique per edition and kind: /news/x and /story/x may coexist.
        builder.HasIndex(i => new { i.EditionId, i.Kind, i.Slug }).IsUnique();
        builder.HasIndex(i => new { i.EditionId, i.State, i.Kind, i.PublishedAt });
        builder.HasIndex(i => i.CityCode);

        builder.HasOne(i => i.Edition).WithMany().HasForeignKey(i => i.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.City).WithMany().HasForeignKey(i => i.CityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Revisions).WithOne().HasForeignKey(r => r.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
