using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.ToTable("messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.PlatformMessageId).HasMaxLength(200).IsRequired();
        message.Property(m => m.Text).HasMaxLength(Message.MaxTextLength).IsRequired();
        message.Property(m => m.AuthorUserId).HasMaxLength(450);
        message.Property(m => m.AuthorName).HasMaxLength(200);
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Restrict);
        message.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Restrict);
        // Duplicates are refused by the database, not by a check-then-insert race.
        message.HasIndex(m => new { m.AccountId, m.PlatformMessageId }).IsUnique();
        message.HasIndex(m => new { m.ConversationId, m.SentAt });
        message.Property(m => m.ParentPostId).HasMaxLength(300);
        message.Property(m => m.DeliveryError).HasMaxLength(1000);
        message.Property(m => m.DeliveredPlatformMessageId).HasMaxLength(300);
        message.Property(m => m.HiddenReason).HasMaxLength(Message.MaxHiddenReasonLength);
        message.Property(m => m.HiddenByName).HasMaxLength(200);
    }
}
