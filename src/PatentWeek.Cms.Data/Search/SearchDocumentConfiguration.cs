using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Data.Search;

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.HasKey(d => d.ContentItemId);
        // The key is the item's id (SQLite's rowid, which the FTS5 table's rows carry), never generated here.
        builder.Property(d => d.ContentItemId).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.CityCode).HasMaxLength(6);
        builder.HasIndex(d => new { d.IsPublic, d.EditionId });
        builder.HasOne<ContentItem>().WithOne().HasForeignKey<SearchDocument>(d => d.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
