using BlueLamp.Core.Contact;
using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> template)
    {
        template.ToTable("reply_templates");
        template.HasKey(t => t.Id);
        template.Property(t => t.Title).HasMaxLength(200).IsRequired();
        template.Property(t => t.Language).HasMaxLength(2).IsRequired();
        template.Property(t => t.Body).HasMaxLength(ReplyTemplate.MaxBodyLength).IsRequired();
        template.HasOne<Force>().WithMany().HasForeignKey(t => t.ForceId).OnDelete(DeleteBehavior.Restrict);
        template.HasIndex(t => new { t.ForceId, t.Language, t.Title }).IsUnique();
    }
}
