using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Content;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.HasIndex(r => new { r.ContentItemId, r.Number }).IsUnique();
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
    }
}
