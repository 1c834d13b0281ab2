using BlueLamp.Core.Forces;
using BlueLamp.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class LockdownConfiguration : IEntityTypeConfiguration<Lockdown>
{
    public void Configure(EntityTypeBuilder<Lockdown> lockdown)
    {
        lockdown.ToTable("lockdowns");
        lockdown.HasKey(l => l.Id);
        lockdown.Property(l => l.Reason).HasMaxLength(500).IsRequired();
        lockdown.Property(l => l.StartedById).HasMaxLength(450).IsRequired();
        lockdown.Property(l => l.StartedByName).HasMaxLength(200).IsRequired();
        lockdown.Property(l => l.EndedByName).HasMaxLength(200);
        lockdown.Ignore(l => l.IsActive);
        lockdown.HasOne<Force>().WithMany().HasForeignKey(l => l.ForceId).OnDelete(DeleteBehavior.Restrict);
        lockdown.HasIndex(l => new { l.ForceId, l.EndedAt });
    }
}
