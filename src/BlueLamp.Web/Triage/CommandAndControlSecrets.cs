using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Encrypts each force's command-and-control signing secret with ASP.NET Core Data Protection under a purpose of its
/// own (as <see cref="Channels.CredentialVault"/> does for account credentials); it is decrypted only to sign.
/// </summary>
public sealed class CommandAndControlSecrets(IDataProtectionProvider protection)
{
    public const string Purpose = "BlueLamp.Triage.CommandAndControlSecret.v1";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public string Protect(string secret) => protector.Protect(secret.Trim());

    /// <summary>The secret, or null when it cannot be read (the key ring was lost or replaced): an administrator must set it again.</summary>
    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>A new random secret (256 bits, URL-safe base64) for an administrator to give the command-and-control team.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
