using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class PostCopyConfiguration : IEntityTypeConfiguration<PostCopy>
{
    public void Configure(EntityTypeBuilder<PostCopy> copy)
    {
        copy.ToTable("post_copies");
        copy.HasKey(c => c.Id);
        copy.Property(c => c.Text).HasMaxLength(70_000).IsRequired();
        copy.Property(c => c.PlatformPostId).HasMaxLength(300);
        copy.Property(c => c.Link).HasMaxLength(1000);
        copy.Property(c => c.Error).HasMaxLength(2000);
        copy.Property(c => c.WithdrawalReason).HasMaxLength(500);
        copy.Property(c => c.CommentsNote).HasMaxLength(2000);
        copy.Property(c => c.CommentsHoldUndo).HasMaxLength(PostCopy.MaxCommentsHoldUndoLength);
        copy.Ignore(c => c.IsLive);
        copy.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Restrict);
        copy.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        // One copy per account and language: a second claim of the same post can never create a second copy.
        copy.HasIndex(c => new { c.PostId, c.AccountId, c.Language }).IsUnique();
        copy.HasIndex(c => new { c.ForceId, c.State });
        // Intake finds the post a comment is under by these, one indexed lookup per message (PostResponses.FindAsync).
        copy.HasIndex(c => new { c.AccountId, c.PlatformPostId });
        copy.HasIndex(c => c.Link);
    }
}
