using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ForceConfiguration : IEntityTypeConfiguration<Force>
{
    public void Configure(EntityTypeBuilder<Force> force)
    {
        force.ToTable("forces");
        force.HasKey(f => f.Id);
        force.Property(f => f.Slug).HasMaxLength(40).IsRequired();
        force.Property(f => f.Name).HasMaxLength(200).IsRequired();
        force.HasIndex(f => f.Slug).IsUnique();
        force.Property(f => f.SafePublicLineEnglish).HasMaxLength(Core.Contact.SafePublicLine.MaxLength);
        force.Property(f => f.SafePublicLineWelsh).HasMaxLength(Core.Contact.SafePublicLine.MaxLength);
        force.Property(f => f.HoldingReplyEnglish).HasMaxLength(Core.Triage.HoldingReply.MaxLength);
        force.Property(f => f.HoldingReplyWelsh).HasMaxLength(Core.Triage.HoldingReply.MaxLength);
    }
}
