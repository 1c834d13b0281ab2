using BlueLamp.Core.Forces;
using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ReferralApiKeyConfiguration : IEntityTypeConfiguration<ReferralApiKey>
{
    public void Configure(EntityTypeBuilder<ReferralApiKey> key)
    {
        key.ToTable("referral_api_keys");
        key.HasKey(k => k.Id);
        key.HasOne<Force>().WithMany().HasForeignKey(k => k.ForceId).OnDelete(DeleteBehavior.Restrict);
        key.Property(k => k.Name).HasMaxLength(ReferralApiKey.MaxNameLength).IsRequired();
        key.Property(k => k.Hint).HasMaxLength(20).IsRequired();
        key.Property(k => k.KeyHash).HasMaxLength(64).IsRequired();
        key.Property(k => k.CreatedByName).HasMaxLength(200).IsRequired();
        key.Property(k => k.RevokedByName).HasMaxLength(200);
        key.Ignore(k => k.IsRevoked);
        // A presented key is found by its hash, across forces; the force is then checked.
        key.HasIndex(k => k.KeyHash).IsUnique();
        key.HasIndex(k => k.ForceId);
    }
}
