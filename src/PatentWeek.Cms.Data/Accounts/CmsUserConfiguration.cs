using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Accounts;

internal sealed class CmsUserConfiguration : IEntityTypeConfiguration<CmsUser>
{
    public void Configure(EntityTypeBuilder<CmsUser> builder)
    {
        builder.Property(u => u.CityCode).HasMaxLength(6);
        builder.HasOne<Campaign.City>().WithMany().HasForeignKey(u => u.CityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
