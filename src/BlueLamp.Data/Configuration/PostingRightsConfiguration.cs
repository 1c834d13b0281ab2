using BlueLamp.Core.Forces;
using BlueLamp.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class PostingRightsConfiguration : IEntityTypeConfiguration<PostingRights>
{
    public void Configure(EntityTypeBuilder<PostingRights> rights)
    {
        rights.ToTable("posting_rights");
        rights.HasKey(r => r.Id);
        rights.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        rights.HasOne<Area>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        rights.HasIndex(r => new { r.ForceId, r.UserId }).IsUnique();
    }
}
