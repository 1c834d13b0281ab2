using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> area)
    {
        area.ToTable("areas");
        area.HasKey(a => a.Id);
        area.Property(a => a.Name).HasMaxLength(200).IsRequired();
        area.HasOne<Force>().WithMany().HasForeignKey(a => a.ForceId).OnDelete(DeleteBehavior.Restrict);
        area.HasIndex(a => new { a.ForceId, a.Name }).IsUnique();
    }
}
