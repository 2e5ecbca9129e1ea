using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Campaign;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(6);
        builder.Property(c => c.Name).HasMaxLength(32);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
    }
}
