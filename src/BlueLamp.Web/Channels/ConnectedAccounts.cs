using System.Collections.Concurrent;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The force accounts BlueLamp is connected to, across all forces: found by their platform id when a webhook
/// arrives (kept in memory for a few seconds, so a burst of webhooks does not read them each time), and told when
/// a platform refused their credentials or when an event arrived.
/// </summary>
public sealed class ConnectedAccounts(BlueLampDbFactory dbs, WriteTurn writeTurn, CredentialVault vault, AuditTrail audit, TimeProvider time, ILogger<ConnectedAccounts> logger) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan EventTimeResolution = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastEventWritten = new();
    private readonly SemaphoreSlim reading = new(1, 1);
    private Snapshot? cache;

    /// <summary>Every connected account of every force whose account is not retired and whose credentials can be read.</summary>
    public async Task<IReadOnlyList<ConnectedAccount>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (cache is { } current && time.GetUtcNow() - current.At < CacheFor)
            return current.Accounts;
        // One reader at a time: when the cache runs out under a burst, the other requests wait for its answer instead
        // of each reading and decrypting every account again.
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (cache is { } fresh && time.GetUtcNow() - fresh.At < CacheFor)
                return fresh.Accounts;
            var accounts = await ReadAsync(cancellationToken);
            cache = new Snapshot(time.GetUtcNow(), accounts);
            return accounts;
        }
        finally
        {
            reading.Release();
        }
    }

    private async Task<IReadOnlyList<ConnectedAccount>> ReadAsync(CancellationToken cancellationToken)
    {
        // Webhooks do not say which force they are for: this is the one lookup that reads across forces.
        await using var db = dbs.Unscoped();
        var rows = await (
                from c in db.AccountConnections.IgnoreQueryFilters().AsNoTracking()
                join a in db.Accounts.IgnoreQueryFilters() on c.AccountId equals a.Id
                where a.Status != AccountStatus.Retired
                select new { c.AccountId, c.ForceId, c.Platform, c.PlatformAccountId, a.DisplayName, c.ProtectedCredentials })
            .ToListAsync(cancellationToken);
        var accounts = new List<ConnectedAccount>();
        foreach (var row in rows)
        {
            if (vault.Unprotect(row.ProtectedCredentials) is { } credentials)
                accounts.Add(new ConnectedAccount(row.AccountId, row.ForceId, row.Platform, row.PlatformAccountId, row.DisplayName, credentials));
            else
                logger.LogError("The credentials of account {AccountId} cannot be decrypted (lost key ring?): reconnect it", row.AccountId);
        }
        return accounts;
    }

    public async Task<ConnectedAccount?> FindAsync(Platform platform, string platformAccountId, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(a => a.Platform == platform && a.PlatformAccountId == platformAccountId);

    public async Task<ConnectedAccount?> GetAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(a => a.AccountId == accountId);

    /// <summary>Forgets the cached list, after an account was connected or changed.</summary>
    public void Invalidate() => cache = null;

    /// <summary>Notes that events from the account arrived now (written at most every two seconds per account).</summary>
    public async Task EventsArrivedAsync(ConnectedAccount account, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (lastEventWritten.TryGetValue(account.AccountId, out var written) && now - written < EventTimeResolution)
            return;
        lastEventWritten[account.AccountId] = now;
        await using var db = dbs.ForForce(account.ForceId);
        // A webhook's answer waits for this: on SQLite it goes before the next intake batch, like the event's own write.
        using var turn = await writeTurn.EnterAsync(urgent: true, cancellationToken);
        await db.AccountConnections
            .Where(c => c.AccountId == account.AccountId && (c.LastEventAt == null || c.LastEventAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastEventAt, now), cancellationToken);
    }

    /// <summary>The platform's lists were read in full for this account.</summary>
    public Task ReconciledAsync(ConnectedAccount account, CancellationToken cancellationToken = default) =>
        ChangeAsync(account, c => c.Reconciled(time.GetUtcNow()), null, cancellationToken);

    /// <summary>
    /// A call for the account failed: a refused token marks it "needs reconnecting" (audited, shown on the desk and
    /// /healthz); anything else is noted as a problem that the next successful check clears.
    /// </summary>
    public Task ReportFailureAsync(ConnectedAccount account, PlatformFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!failure.NeedsReconnect)
        {
            logger.LogWarning("A call for {Platform} account {AccountId} failed: {Error}", account.Platform, account.AccountId, failure.Error);
            return ChangeAsync(account, c => c.CheckFailed(failure.Error, time.GetUtcNow()), null, cancellationToken);
        }
        logger.LogWarning("{Platform} refused the credentials of account {AccountId}: {Error}", account.Platform, account.AccountId, failure.Error);
        return ChangeAsync(account, c => c.CredentialsRefused(failure.Error, time.GetUtcNow()),
            c => c.NeedsReconnect ? null : new AuditEntry(ChannelAuditActions.AccountNeedsReconnect, null, "BlueLamp (channels)", "account", account.AccountId.ToString("D"), failure.Error),
            cancellationToken);
    }

    /// <summary>Whether the platform let BlueLamp read the account's private messages back (null reason: it did).</summary>
    public Task DirectMessagesCheckedAsync(ConnectedAccount account, string? problem, CancellationToken cancellationToken = default) =>
        ChangeAsync(account, c =>
        {
            if (problem is null)
                c.DirectMessagesRead();
            else
                c.DirectMessagesUnreadable(problem, time.GetUtcNow());
        }, null, cancellationToken);

    /// <summary>Moves where polling has got to (X since_id, newest Bluesky notification, newest chat message).</summary>
    public Task MovePollMarkerAsync(ConnectedAccount account, string? marker, DateTimeOffset? markerAt, CancellationToken cancellationToken = default) =>
        ChangeAsync(account, c => c.MovePollMarker(marker, markerAt), null, cancellationToken);

    public Task MoveChatMarkerAsync(ConnectedAccount account, string? marker, CancellationToken cancellationToken = default) =>
        ChangeAsync(account, c => c.MoveChatMarker(marker), null, cancellationToken);

    /// <summary>The connection's stored state (markers, problems), read fresh.</summary>
    public async Task<AccountConnection?> StateAsync(ConnectedAccount account, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(account.ForceId);
        return await db.AccountConnections.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == account.AccountId, cancellationToken);
    }

    private async Task ChangeAsync(ConnectedAccount account, Action<AccountConnection> change, Func<AccountConnection, AuditEntry?>? auditBefore, CancellationToken cancellationToken)
    {
        await using var db = dbs.ForForce(account.ForceId);
        var connection = await db.AccountConnections.SingleOrDefaultAsync(c => c.AccountId == account.AccountId, cancellationToken);
        if (connection is null)
            return;
        var entry = auditBefore?.Invoke(connection);
        change(connection);
        if (entry is not null)
            await audit.SaveWithAuditAsync(db, entry, cancellationToken);
        else
            await db.SaveChangesAsync(cancellationToken);
    }

    public void Dispose() => reading.Dispose();

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyList<ConnectedAccount> Accounts);
}
