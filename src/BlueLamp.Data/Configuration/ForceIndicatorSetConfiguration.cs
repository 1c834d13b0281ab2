using BlueLamp.Core.Forces;
using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ForceIndicatorSetConfiguration : IEntityTypeConfiguration<ForceIndicatorSet>
{
    public void Configure(EntityTypeBuilder<ForceIndicatorSet> set)
    {
        set.ToTable("force_indicator_sets");
        // One set per force; no row means the shipped default.
        set.HasKey(s => s.ForceId);
        set.HasOne<Force>().WithOne().HasForeignKey<ForceIndicatorSet>(s => s.ForceId).OnDelete(DeleteBehavior.Restrict);
        set.Property(s => s.Json).HasMaxLength(ForceIndicatorSet.MaxJsonLength).IsRequired();
        set.Property(s => s.Version).HasMaxLength(64).IsRequired();
        set.Property(s => s.SavedByName).HasMaxLength(200).IsRequired();
        // Optimistic concurrency: two administrators saving at once cannot silently overwrite each other.
        set.Property(s => s.SavedAt).IsConcurrencyToken();
    }
}
