using BlueLamp.Core.Contact;
using BlueLamp.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class HeldCommentConfiguration : IEntityTypeConfiguration<HeldComment>
{
    public void Configure(EntityTypeBuilder<HeldComment> comment)
    {
        comment.ToTable("held_comments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.Error).HasMaxLength(2000);
        comment.HasOne<PostCopy>().WithMany().HasForeignKey(c => c.CopyId).OnDelete(DeleteBehavior.Restrict);
        comment.HasOne<Message>().WithMany().HasForeignKey(c => c.MessageId).OnDelete(DeleteBehavior.Restrict);
        // One row per comment under a copy: hiding it twice (two nodes, a retry) updates the same row.
        comment.HasIndex(c => new { c.CopyId, c.MessageId }).IsUnique();
        comment.HasIndex(c => new { c.ForceId, c.State });
    }
}
