using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Campaign;

internal sealed class SiteIdentityRecordConfiguration : IEntityTypeConfiguration<SiteIdentityRecord>
{
    /// <summary>The longest value of any field (the admin and the importer refuse longer ones).</summary>
    public const int MaxLength = 200;

    public void Configure(EntityTypeBuilder<SiteIdentityRecord> builder)
    {
        builder.ToTable("SiteIdentity");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(MaxLength);
        builder.Property(s => s.Domain).HasMaxLength(MaxLength);
        builder.Property(s => s.Sponsor).HasMaxLength(MaxLength);
        builder.Property(s => s.Organizer).HasMaxLength(MaxLength);
        builder.Property(s => s.Address).HasMaxLength(MaxLength);
        builder.Property(s => s.Phone).HasMaxLength(MaxLength);
        builder.Property(s => s.Email).HasMaxLength(MaxLength);
        builder.Property(s => s.SiteCode).HasMaxLength(MaxLength);
        builder.Property(s => s.IcpNumber).HasMaxLength(MaxLength);
        builder.Property(s => s.PublicSecurityNumber).HasMaxLength(MaxLength);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Ignore(s => s.EditedByAdministrator);
    }
}
