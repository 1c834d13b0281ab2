using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ConversationNoteConfiguration : IEntityTypeConfiguration<ConversationNote>
{
    public void Configure(EntityTypeBuilder<ConversationNote> note)
    {
        note.ToTable("conversation_notes");
        note.HasKey(n => n.Id);
        note.Property(n => n.Text).HasMaxLength(ConversationNote.MaxLength).IsRequired();
        note.Property(n => n.AuthorUserId).HasMaxLength(450).IsRequired();
        note.Property(n => n.AuthorName).HasMaxLength(200).IsRequired();
        note.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId).OnDelete(DeleteBehavior.Restrict);
        note.HasIndex(n => new { n.ConversationId, n.WrittenAt });
    }
}
