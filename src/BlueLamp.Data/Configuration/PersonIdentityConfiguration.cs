using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class PersonIdentityConfiguration : IEntityTypeConfiguration<PersonIdentity>
{
    public void Configure(EntityTypeBuilder<PersonIdentity> identity)
    {
        identity.ToTable("person_identities");
        identity.HasKey(i => i.Id);
        identity.Property(i => i.PlatformUserId).HasMaxLength(200).IsRequired();
        identity.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One person per platform identity, also when two requests meet the same new visitor at once.
        identity.HasIndex(i => new { i.ForceId, i.Platform, i.PlatformUserId }).IsUnique();
    }
}
