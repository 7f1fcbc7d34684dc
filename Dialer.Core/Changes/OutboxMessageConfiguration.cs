using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Changes;

sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("outbox_messages");
        e.Property(m => m.Type).HasMaxLength(300);
        e.Property(m => m.Body).HasColumnType("jsonb");
        // the dispatcher's claim reads only what is left to publish; the cleanup only what was published
        e.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_unpublished").HasFilter("published_at IS NULL");
        e.HasIndex(m => m.PublishedAt).HasFilter("published_at IS NOT NULL");
    }
}
