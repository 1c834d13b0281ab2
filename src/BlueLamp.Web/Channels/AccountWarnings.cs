using System.Globalization;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Finds the accounts nobody should believe are simply quiet: credentials refused (reconnect), credentials about to
/// expire, checks failing, reconciliation overdue, or no event for unusually long. Shown on the desk and in /healthz.
/// </summary>
public sealed class AccountWarnings(BlueLampDbFactory dbs, IOptions<ChannelIntakeOptions> options, TimeProvider time)
{
    /// <summary>The warnings of one force, or of every force when <paramref name="forceId"/> is null (health checks).</summary>
    public async Task<IReadOnlyList<AccountWarning>> ListAsync(Guid? forceId, CancellationToken cancellationToken = default)
    {
        await using var db = forceId is { } id ? dbs.ForForce(id) : dbs.Unscoped();
        var connections = forceId is null ? db.AccountConnections.IgnoreQueryFilters() : db.AccountConnections;
        var accounts = forceId is null ? db.Accounts.IgnoreQueryFilters() : db.Accounts;
        var rows = await (
                from c in connections.AsNoTracking()
                join a in accounts on c.AccountId equals a.Id
                where a.Status != Core.Accounts.AccountStatus.Retired
                select new { Connection = c, a.DisplayName })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var settings = options.Value;
        var warnings = new List<AccountWarning>();
        foreach (var row in rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCulture))
        {
            var c = row.Connection;
            void Warn(string reason) => warnings.Add(new AccountWarning(c.AccountId, c.ForceId, c.Platform, row.DisplayName, reason));
            if (c.NeedsReconnect)
                Warn($"needs reconnecting: the platform refused its credentials ({c.Problem}). Messages may be missing until an administrator reconnects it.");
            else if (c.Problem is not null && c.ProblemSince is { } since && now - since > settings.ReconcileInterval)
                Warn($"could not be checked since {Time(since)}: {c.Problem}");
            if (c.DirectMessagesProblem is { } dmProblem)
                Warn($"direct messages cannot be read back from the platform since {Time(c.DirectMessagesProblemSince ?? now)} ({dmProblem}). DM intake is at risk: a DM the webhook misses will not reach the desk.");
            if (c.CredentialsExpireAt is { } expires && expires - now < settings.ExpiryWarning)
                Warn(expires <= now ? $"its credentials expired on {Time(expires)}." : $"its credentials expire on {Time(expires)}; renew them before then.");
            var reconciledOrConnected = c.LastReconciledAt ?? c.ConnectedAt;
            if (!c.NeedsReconnect && now - reconciledOrConnected > settings.ReconcileInterval * 3)
                Warn($"has not been checked against the platform since {Time(reconciledOrConnected)}.");
            if (c.LastEventAt is { } last && now - last > settings.QuietAfter)
                Warn($"no message has arrived since {Time(last)}, which is unusually long: check the account on the platform.");
        }
        return warnings;
    }

    private static string Time(DateTimeOffset at) => at.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
