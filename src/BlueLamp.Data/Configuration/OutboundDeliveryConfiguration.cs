using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class OutboundDeliveryConfiguration : IEntityTypeConfiguration<OutboundDelivery>
{
    public void Configure(EntityTypeBuilder<OutboundDelivery> delivery)
    {
        delivery.ToTable("outbound_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.HasOne<Message>().WithOne().HasForeignKey<OutboundDelivery>(d => d.MessageId).OnDelete(DeleteBehavior.Restrict);
        delivery.HasOne<Conversation>().WithMany().HasForeignKey(d => d.ConversationId).OnDelete(DeleteBehavior.Restrict);
        delivery.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Restrict);
        delivery.HasIndex(d => d.MessageId).IsUnique();
        delivery.HasIndex(d => new { d.CompletedAt, d.DueAt });
    }
}
