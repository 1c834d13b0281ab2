using BlueLamp.Core.Contact;
using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> cluster)
    {
        cluster.ToTable("clusters");
        cluster.HasKey(c => c.Id);
        cluster.Property(c => c.Label).HasMaxLength(140).IsRequired();
        cluster.HasOne<Force>().WithMany().HasForeignKey(c => c.ForceId).OnDelete(DeleteBehavior.Restrict);
        cluster.HasIndex(c => new { c.ForceId, c.FormedAt });
    }
}
