using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Encrypts account credentials with ASP.NET Core Data Protection under a purpose of their own, so a key ring
/// shared for login cookies cannot be used to read them, and decrypts them only when a platform is called.
/// </summary>
public sealed class CredentialVault(IDataProtectionProvider protection)
{
    public const string Purpose = "BlueLamp.Channels.AccountCredentials.v1";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public string Protect(AccountCredentials credentials) => protector.Protect(JsonSerializer.Serialize(credentials));

    /// <summary>The credentials, or null when they cannot be read (the key ring was lost or replaced): the account must be reconnected.</summary>
    public AccountCredentials? Unprotect(string protectedCredentials)
    {
        try
        {
            return JsonSerializer.Deserialize<AccountCredentials>(protector.Unprotect(protectedCredentials));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
