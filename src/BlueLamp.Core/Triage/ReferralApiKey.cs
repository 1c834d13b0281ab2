using System.Security.Cryptography;
using System.Text;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// A key a platform or partner system presents to send a force emergency referrals by machine. Only a SHA-256 hash of
/// it is kept (the key is 256 random bits, so a slow password hash adds nothing); the key itself is shown once, when made.
/// </summary>
public sealed class ReferralApiKey : IForceOwned
{
    public const string KeyPrefix = "blr_";
    public const int MaxNameLength = 100;

    private ReferralApiKey() { Name = ""; Hint = ""; KeyHash = ""; CreatedByName = ""; }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    /// <summary>Who holds it, e.g. "Meta safety team".</summary>
    public string Name { get; private set; }

    /// <summary>The first characters of the key, so an administrator can tell keys apart.</summary>
    public string Hint { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string KeyHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedByName { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new key for <paramref name="name"/>: the stored record and the key to show once.</summary>
    public static (ReferralApiKey Record, string Key) Create(Guid id, Guid forceId, string name, string createdByName, DateTimeOffset at)
    {
        if (CheckName(name) is { } problem)
            throw new ArgumentException(problem, nameof(name));
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ReferralApiKey
        {
            Id = id,
            ForceId = forceId,
            Name = name.Trim(),
            Hint = key[..(KeyPrefix.Length + 6)] + "…",
            KeyHash = HashOf(key),
            CreatedAt = at,
            CreatedByName = createdByName,
        }, key);
    }

    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Name who will hold the key, e.g. \"Meta safety team\"."
        : name.Trim().Length > MaxNameLength ? $"Keep the name to {MaxNameLength} characters."
        : null;

    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public void Revoke(string byName, DateTimeOffset at)
    {
        if (IsRevoked)
            throw new InvalidOperationException("This key has already been revoked.");
        RevokedAt = at;
        RevokedByName = byName;
    }
}
