using BlueLamp.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> appeal)
    {
        appeal.ToTable("appeals");
        appeal.HasKey(a => a.Id);
        appeal.Property(a => a.CaseReference).HasMaxLength(40).IsRequired();
        appeal.Property(a => a.StatusChangedByName).HasMaxLength(200);
        appeal.Property(a => a.Authorisation).AsJson();
        appeal.Ignore(a => a.IsAuthorised);
        appeal.Ignore(a => a.IsCaseActive);
        appeal.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Restrict);
        appeal.HasIndex(a => a.PostId).IsUnique();
        appeal.HasIndex(a => new { a.ForceId, a.CaseReference });
        appeal.HasIndex(a => new { a.ForceId, a.ReviewDueAt });
    }
}
