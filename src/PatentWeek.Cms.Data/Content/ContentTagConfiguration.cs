using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Content;

internal sealed class ContentTagConfiguration : IEntityTypeConfiguration<ContentTag>
{
    public void Configure(EntityTypeBuilder<ContentTag> builder)
    {
        builder.HasKey(t => new { t.ContentItemId, t.Name });
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.HasIndex(t => t.Name);
    }
}
