using BlueLamp.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class AccountConnectionConfiguration : IEntityTypeConfiguration<AccountConnection>
{
    public void Configure(EntityTypeBuilder<AccountConnection> connection)
    {
        connection.ToTable("account_connections");
        connection.HasKey(c => c.AccountId);
        connection.HasOne<Account>().WithOne().HasForeignKey<AccountConnection>(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        connection.Property(c => c.PlatformAccountId).HasMaxLength(AccountConnection.MaxIdLength).IsRequired();
        connection.Property(c => c.ProtectedCredentials).HasMaxLength(8000).IsRequired();
        connection.Property(c => c.CredentialsHint).HasMaxLength(400).IsRequired();
        connection.Property(c => c.Problem).HasMaxLength(500);
        connection.Property(c => c.PollMarker).HasMaxLength(AccountConnection.MaxIdLength);
        connection.Property(c => c.ChatMarker).HasMaxLength(AccountConnection.MaxIdLength);
        // A platform account belongs to one force: webhooks are routed by this pair.
        connection.HasIndex(c => new { c.Platform, c.PlatformAccountId }).IsUnique();
        connection.HasIndex(c => c.ForceId);
    }
}
