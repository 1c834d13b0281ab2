using BlueLamp.Core.Contact;
using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Id);
        person.Property(p => p.DisplayName).HasMaxLength(200).IsRequired();
        person.HasIndex(p => new { p.ForceId, p.DisplayName });
        person.HasOne<Force>().WithMany().HasForeignKey(p => p.ForceId).OnDelete(DeleteBehavior.Restrict);
    }
}
