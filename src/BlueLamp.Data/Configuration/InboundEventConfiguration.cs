using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> inbound)
    {
        inbound.ToTable("inbound_events");
        inbound.HasKey(e => e.Id);
        inbound.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
        inbound.Property(e => e.EventKey).HasMaxLength(InboundEvent.MaxKeyLength).IsRequired();
        inbound.Property(e => e.PlatformMessageId).HasMaxLength(300).IsRequired();
        inbound.Property(e => e.Event).HasMaxLength(InboundEvent.MaxPayloadLength).IsRequired();
        inbound.Property(e => e.Payload).HasMaxLength(InboundEvent.MaxPayloadLength).IsRequired();
        inbound.Property(e => e.Source).HasMaxLength(20).IsRequired();
        inbound.Property(e => e.LastError).HasMaxLength(500);
        // Retries, a second node and overlapping polls all meet here: the database keeps one.
        inbound.HasIndex(e => new { e.AccountId, e.EventKey }).IsUnique();
        inbound.HasIndex(e => new { e.AccountId, e.PlatformMessageId });
        inbound.HasIndex(e => e.ProcessedAt);
    }
}
