using BlueLamp.Core.Forces;
using BlueLamp.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class BlueLampUserConfiguration : IEntityTypeConfiguration<BlueLampUser>
{
    public void Configure(EntityTypeBuilder<BlueLampUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        user.HasOne<Force>().WithMany().HasForeignKey(u => u.ForceId).OnDelete(DeleteBehavior.Restrict);
        user.HasIndex(u => u.ForceId);
    }
}
