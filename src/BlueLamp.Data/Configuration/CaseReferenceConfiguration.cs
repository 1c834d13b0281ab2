using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class CaseReferenceConfiguration : IEntityTypeConfiguration<CaseReference>
{
    public void Configure(EntityTypeBuilder<CaseReference> reference)
    {
        reference.ToTable("case_references");
        reference.HasKey(r => r.Id);
        reference.Property(r => r.Value).HasMaxLength(100).IsRequired();
        reference.Property(r => r.AddedByUserId).HasMaxLength(450).IsRequired();
        reference.Property(r => r.AddedByName).HasMaxLength(200).IsRequired();
        reference.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Restrict);
        reference.HasIndex(r => new { r.ConversationId, r.Kind, r.Value }).IsUnique();
        reference.HasIndex(r => new { r.ForceId, r.Value });
    }
}
