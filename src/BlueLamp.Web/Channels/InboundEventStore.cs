using BlueLamp.Channels.Common;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The one door every platform event comes through, whether a webhook, a poll or reconciliation found it: stores it
/// durably (the unique index on account and event key drops whatever is already there, also when two requests or two
/// nodes race), then queues what is new for the desk. A webhook is answered only after this returns.
/// </summary>
public sealed class InboundEventStore(BlueLampDbFactory dbs, InboundEventQueue queue, ConnectedAccounts accounts, TimeProvider time)
{
    public const string FromWebhook = "webhook";
    public const string FromPoll = "poll";
    public const string FromReconciliation = "reconcile";

    /// <summary>Stores the account's events; returns how many were new and how many were already stored.</summary>
    public async Task<StoreOutcome> StoreAsync(ConnectedAccount account, IEnumerable<ChannelEvent> events, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = time.GetUtcNow();
        var candidates = events
            .Select(e => (Event: e, Key: ChannelEventJson.KeyOf(e)))
            .DistinctBy(c => c.Key)
            .ToList();
        if (candidates.Count == 0)
            return new StoreOutcome(0, 0);

        await using var db = dbs.ForForce(account.ForceId);
        var keys = candidates.Select(c => c.Key).ToList();
        // Most repeats are known already; skipping them here keeps the error log quiet. The index still decides races.
        var known = await db.InboundEvents.AsNoTracking()
            .Where(e => e.AccountId == account.AccountId && keys.Contains(e.EventKey))
            .Select(e => e.EventKey)
            .ToListAsync(cancellationToken);
        var rows = candidates
            .Where(c => !known.Contains(c.Key))
            .Select(c => (c.Event, Row: new InboundEvent(Guid.CreateVersion7(), account.ForceId, account.AccountId, c.Event.Platform, c.Key,
                c.Event.PlatformMessageId, ChannelEventJson.Write(c.Event), c.Event.RawPayload, source, c.Event.SentAt, now)))
            .ToList();
        var stored = new List<(ChannelEvent Event, InboundEvent Row)>();
        if (rows.Count > 0)
        {
            db.InboundEvents.AddRange(rows.Select(r => r.Row));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored.AddRange(rows);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Someone stored one of them between our look and our write: store the rest one at a time.
                foreach (var row in rows)
                {
                    if (await StoreOneAsync(account.ForceId, row.Row, cancellationToken))
                        stored.Add(row);
                }
            }
        }
        foreach (var (channelEvent, row) in stored)
            queue.Enqueue(new StoredEventRef(account.ForceId, account.AccountId, row.Id, channelEvent.ThreadKey));
        await accounts.EventsArrivedAsync(account, cancellationToken);
        return new StoreOutcome(stored.Count, candidates.Count - stored.Count);
    }

    private async Task<bool> StoreOneAsync(Guid forceId, InboundEvent row, CancellationToken cancellationToken)
    {
        await using var db = dbs.ForForce(forceId);
        db.InboundEvents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }
}
