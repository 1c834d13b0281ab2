using BlueLamp.Core.Audit;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// The keys partner systems use to send a force emergency referrals: administrators make them (each shown once) and
/// revoke them; the referral endpoint finds the force's unrevoked key by its hash. Every view and change is audited.
/// </summary>
public sealed class ReferralApiKeys(BlueLampDbFactory dbs, AuditTrail audit, TimeProvider time)
{
    public async Task<IReadOnlyList<ReferralApiKeyView>> ListAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var keys = await db.ReferralApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new ReferralApiKeyView(k.Id, k.Name, k.Hint, k.CreatedAt, k.CreatedByName, k.LastUsedAt, k.RevokedAt, k.RevokedByName))
            .ToListAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ReferralKeysViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"), $"{keys.Count} keys"), cancellationToken);
        return keys;
    }

    /// <summary>Makes a key; the result carries the key itself, which is never shown again.</summary>
    public async Task<(DeskResult Result, string? Key)> CreateAsync(DeskUser user, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ReferralApiKey.CheckName(name) is { } problem)
            return (DeskResult.Refused(problem, "name"), null);
        var (record, key) = ReferralApiKey.Create(Guid.CreateVersion7(), user.ForceId, name!, user.DisplayName, time.GetUtcNow());
        await using var db = dbs.ForForce(user.ForceId);
        db.ReferralApiKeys.Add(record);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ReferralKeyCreated, user.UserId, user.DisplayName, "referral_key", record.Id.ToString("D"),
            $"\"{record.Name}\" ({record.Hint})"), cancellationToken);
        return (DeskResult.Done(record.Id), key);
    }

    public async Task<DeskResult> RevokeAsync(DeskUser user, Guid keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var key = await db.ReferralApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
            return DeskResult.Missing();
        if (key.IsRevoked)
            return DeskResult.Refused($"{key.RevokedByName} revoked this key at {key.RevokedAt:yyyy-MM-dd HH:mm}.");
        key.Revoke(user.DisplayName, time.GetUtcNow());
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ReferralKeyRevoked, user.UserId, user.DisplayName, "referral_key", keyId.ToString("D"),
            $"\"{key.Name}\" ({key.Hint})"), cancellationToken);
        return DeskResult.Done(keyId);
    }

    /// <summary>Where the force's partners send referrals, e.g. <c>/api/referrals/demo</c>.</summary>
    public async Task<string> EndpointPathAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var lookup = dbs.Unscoped();
        var slug = await lookup.Forces.AsNoTracking().Where(f => f.Id == forceId).Select(f => f.Slug).SingleAsync(cancellationToken);
        return EmergencyReferralEndpoint.Path.Replace("{force}", slug, StringComparison.Ordinal);
    }

    /// <summary>The holder of <paramref name="presentedKey"/> when it is an unrevoked key of <paramref name="forceId"/>; null otherwise (whatever the reason).</summary>
    public async Task<ReferralKeyHolder?> AuthenticateAsync(Guid forceId, string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(presentedKey) || !presentedKey.StartsWith(ReferralApiKey.KeyPrefix, StringComparison.Ordinal) || presentedKey.Length > 200)
            return null;
        var hash = ReferralApiKey.HashOf(presentedKey.Trim());
        await using var db = dbs.ForForce(forceId);
        var key = await db.ReferralApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name }).SingleOrDefaultAsync(cancellationToken);
        if (key is null)
            return null;
        await db.ReferralApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, time.GetUtcNow()), cancellationToken);
        return new ReferralKeyHolder(key.Id, key.Name, forceId);
    }
}

/// <summary>A referral key as an administrator sees it: never the key itself.</summary>
public sealed record ReferralApiKeyView(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedByName);

/// <summary>The partner system a valid key belongs to.</summary>
public sealed record ReferralKeyHolder(Guid KeyId, string Name, Guid ForceId)
{
    /// <summary>How the system's actions appear in the audit trail and on the desk.</summary>
    public DeskUser AsActor() => new($"referral-key:{KeyId:D}", $"{Name} (referral API key)", ForceId);
}
