using BlueLamp.Core.Forces;
using BlueLamp.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.ToTable("posts");
        post.HasKey(p => p.Id);
        post.Property(p => p.Content).AsJson().IsRequired();
        post.Property(p => p.ApprovedContent).AsJson();
        post.Property(p => p.AuthorId).HasMaxLength(450).IsRequired();
        post.Property(p => p.AuthorName).HasMaxLength(200).IsRequired();
        post.Property(p => p.ApprovedById).HasMaxLength(450);
        post.Property(p => p.ApprovedByName).HasMaxLength(200);
        post.Property(p => p.RejectionReason).HasMaxLength(2000);
        post.Property(p => p.RejectedByName).HasMaxLength(200);
        post.Property(p => p.ScheduledByName).HasMaxLength(200);
        post.Property(p => p.ClaimedBy).HasMaxLength(200);
        post.Property(p => p.ContemptWarningAcknowledgedBy).HasMaxLength(200);
        post.Property(p => p.Revision).IsConcurrencyToken();
        post.Ignore(p => p.IsApproved);
        post.Ignore(p => p.IsEditable);
        post.HasOne<Force>().WithMany().HasForeignKey(p => p.ForceId).OnDelete(DeleteBehavior.Restrict);
        // The scheduler's question every few seconds: which scheduled posts of a force are due?
        post.HasIndex(p => new { p.ForceId, p.Status, p.ScheduledFor });
        // A case's posts, when an arrest or charge turns comments off on those that stay up.
        post.Property(p => p.CaseReference).HasMaxLength(40);
        post.HasIndex(p => new { p.ForceId, p.CaseReference });
    }
}
