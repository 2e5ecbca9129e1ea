using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatentWeek.Cms.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Type).HasMaxLength(64);
        builder.Property(m => m.Key).HasMaxLength(100);
        builder.Property(m => m.LockedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(4000);
        builder.HasIndex(m => new { m.CompletedAt, m.DueAt });
        // Cancelling an older schedule and waking a waiting job look rows up by type and key.
        builder.HasIndex(m => new { m.Type, m.Key });
    }
}
