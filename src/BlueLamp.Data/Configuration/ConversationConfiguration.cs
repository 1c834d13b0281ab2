using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("conversations");
        conversation.HasKey(c => c.Id);
        conversation.Property(c => c.ThreadKey).HasMaxLength(200).IsRequired();
        conversation.Property(c => c.Preview).HasMaxLength(Conversation.PreviewLength * 2).IsRequired();
        conversation.Property(c => c.Version).IsConcurrencyToken();
        conversation.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        conversation.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        conversation.HasIndex(c => new { c.AccountId, c.ThreadKey }).IsUnique();
        conversation.Property(c => c.AssignedToUserId).HasMaxLength(450);
        conversation.Property(c => c.AssignedToName).HasMaxLength(200);
        conversation.Property(c => c.OutcomeCode).HasMaxLength(64);
        conversation.Property(c => c.ClosedByName).HasMaxLength(200);
        conversation.Property(c => c.CategoryCode).HasMaxLength(64);
        conversation.Property(c => c.Language).HasMaxLength(2);
        conversation.Ignore(c => c.NeedsControlRoom);
        conversation.HasIndex(c => new { c.ForceId, c.Status, c.LastMessageAt });
        conversation.HasIndex(c => new { c.ForceId, c.Status, c.SlaDueAt });
        conversation.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Restrict);
        conversation.HasIndex(c => new { c.ForceId, c.AssignedToUserId });
        conversation.Property(c => c.RespondsToLinkedByName).HasMaxLength(200);
        // An appeal's responses are counted by this link.
        conversation.HasOne<Post>().WithMany().HasForeignKey(c => c.RespondsToPostId).OnDelete(DeleteBehavior.Restrict);
        conversation.HasIndex(c => new { c.ForceId, c.RespondsToPostId });
    }
}
