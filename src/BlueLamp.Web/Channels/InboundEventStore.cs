using BlueLamp.Channels.Common;
using BlueLamp.Core.Contact;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The one door every platform event comes through, whether a webhook, a poll or reconciliation found it: stores it
/// durably through <see cref="InboundEventWriter"/> (the unique index on account and event key drops whatever is
/// already there, also when two requests or two nodes race), then queues what is new for the desk. A webhook is
/// answered only after this returns.
/// </summary>
public sealed class InboundEventStore(InboundEventWriter writer, InboundEventQueue queue, InboundEventIntake intake, ConnectedAccounts accounts, TimeProvider time)
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

        var rows = candidates
            .Select(c => (c.Event, Row: new InboundEvent(Guid.CreateVersion7(), account.ForceId, account.AccountId, c.Event.Platform, c.Key,
                c.Event.PlatformMessageId, ChannelEventJson.Write(c.Event), c.Event.RawPayload, source, c.Event.SentAt, now)))
            .ToList();
        var written = (await writer.WriteAsync(rows.Select(r => r.Row).ToList(), cancellationToken)).ToHashSet();
        var stored = rows.Where(r => written.Contains(r.Row)).ToList();
        foreach (var (channelEvent, row) in stored)
        {
            // Assessed once, here, with the force's own engine: the assessment routes the event and goes with it to intake.
            var assessed = await intake.AssessAsync(account.ForceId, channelEvent, account.AccountId, cancellationToken);
            queue.Enqueue(new StoredEventRef(account.ForceId, account.AccountId, row.Id, channelEvent.ThreadKey, new StoredEvent(row, channelEvent), assessed));
        }
        await accounts.EventsArrivedAsync(account, cancellationToken);
        return new StoreOutcome(stored.Count, candidates.Count - stored.Count);
    }
}
