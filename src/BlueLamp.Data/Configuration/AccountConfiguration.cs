using BlueLamp.Core.Accounts;
using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.ToTable("accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Handle).HasMaxLength(200).IsRequired();
        account.Property(a => a.DisplayName).HasMaxLength(200).IsRequired();
        account.Property(a => a.MonitoredHours).HasMaxLength(200);
        account.Ignore(a => a.Hours);
        account.HasOne<Force>().WithMany().HasForeignKey(a => a.ForceId).OnDelete(DeleteBehavior.Restrict);
        account.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
        account.HasIndex(a => new { a.ForceId, a.Platform, a.Handle }).IsUnique();
    }
}
