using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Campaign;

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.HasIndex(e => e.Number).IsUnique();
        builder.Property(e => e.Slogan).HasMaxLength(200);
        builder.Property(e => e.Theme).HasMaxLength(64);
    }
}
