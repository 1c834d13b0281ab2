using BlueLamp.Core.Forces;
using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class CommandAndControlLinkConfiguration : IEntityTypeConfiguration<CommandAndControlLink>
{
    public void Configure(EntityTypeBuilder<CommandAndControlLink> link)
    {
        link.ToTable("command_and_control_links");
        // One link per force.
        link.HasKey(l => l.ForceId);
        link.HasOne<Force>().WithOne().HasForeignKey<CommandAndControlLink>(l => l.ForceId).OnDelete(DeleteBehavior.Restrict);
        link.Property(l => l.EndpointUrl).HasMaxLength(CommandAndControlLink.MaxUrlLength).IsRequired();
        link.Property(l => l.ProtectedSecret).HasMaxLength(4000).IsRequired();
        link.Property(l => l.SecretHint).HasMaxLength(20).IsRequired();
        link.Property(l => l.UpdatedByName).HasMaxLength(200).IsRequired();
    }
}
