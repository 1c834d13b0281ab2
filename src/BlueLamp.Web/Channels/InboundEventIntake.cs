using BlueLamp.Channels.Common;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Takes stored platform events to the desk, many at a time: new messages go through <see cref="ContactIntake"/> in
/// batches (one transaction each, which also marks their events processed), a life-at-risk or grade 1 message first
/// and on its own so its alarm never waits behind chatter; an edit changes the stored text and a removal marks the
/// message removed (an edit or removal that overtook its message brings the message in first). A batch that fails is
/// taken apart and its events tried one by one, so one bad event never holds back the others. Done once: an event is
/// marked processed in the transaction that took it in.
/// </summary>
public sealed class InboundEventIntake(
    BlueLampDbFactory dbs, ContactIntake intake, IDeskEvents deskEvents, IOptions<ChannelIntakeOptions> options, TimeProvider time,
    ILogger<InboundEventIntake> logger)
{
    /// <summary>Events that failed this often are left for a person to look at instead of being tried forever.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Whether triage already sees life at risk or grade 1 in a new message, so it goes in ahead of everything else.</summary>
    public bool IsUrgent(ChannelEvent channelEvent, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(channelEvent);
        return channelEvent.Verb == ChannelEventVerb.Created && intake.IsUrgent(InboundOf(channelEvent, accountId));
    }

    /// <summary>Takes in the force's stored events that are not processed yet; the others are skipped.</summary>
    public async Task ProcessAsync(Guid forceId, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        await TakeInAllAsync(forceId, await ReadAsync(forceId, eventIds, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Takes in events this process queued: those it stored itself as they were stored (were one taken in meanwhile, by
    /// the sweep or another node, its message is found stored and it comes to nothing), the others read from the database.
    /// </summary>
    public async Task ProcessAsync(Guid forceId, IReadOnlyCollection<StoredEventRef> queued, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var pending = queued.Where(q => q.Stored is not null).Select(q => new Pending(q.Stored!.Row, q.Stored.Event, InboundOf(q.Stored.Event, q.Stored.Row.AccountId))).ToList();
        var toRead = queued.Where(q => q.Stored is null).Select(q => q.EventId).ToList();
        if (toRead.Count > 0)
            pending.AddRange(await ReadAsync(forceId, toRead, cancellationToken));
        await TakeInAllAsync(forceId, pending, cancellationToken);
    }

    /// <summary>Reads and parses the stored events that are not processed yet; one that no longer parses is marked failed.</summary>
    private async Task<List<Pending>> ReadAsync(Guid forceId, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        List<InboundEvent> rows;
        await using (var db = dbs.ForForce(forceId))
        {
            rows = await db.InboundEvents.AsNoTracking()
                .Where(e => eventIds.Contains(e.Id) && e.ProcessedAt == null && e.Attempts < MaxAttempts)
                .ToListAsync(cancellationToken);
        }

        var pending = new List<Pending>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                var channelEvent = ChannelEventJson.Read(row.Event, row.Payload);
                pending.Add(new Pending(row, channelEvent, InboundOf(channelEvent, row.AccountId)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await FailedAsync(forceId, row, e);
            }
        }
        return pending;
    }

    private async Task TakeInAllAsync(Guid forceId, List<Pending> pending, CancellationToken cancellationToken)
    {
        var messages = pending.Where(p => p.Event.Verb == ChannelEventVerb.Created).ToList();
        var changes = pending.Where(p => p.Event.Verb != ChannelEventVerb.Created).ToList();

        foreach (var urgent in messages.Where(m => intake.IsUrgent(m.Inbound)).ToList())
        {
            await TakeInAsync(forceId, [urgent], cancellationToken);
            messages.Remove(urgent);
        }
        foreach (var chunk in messages.OrderBy(m => m.Row.SentAt).Chunk(options.Value.IntakeBatchSize))
            await TakeInAsync(forceId, chunk, cancellationToken);
        foreach (var change in changes.OrderBy(c => c.Row.SentAt))
            await ChangeAsync(forceId, change, cancellationToken);
    }

    private async Task TakeInAsync(Guid forceId, IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            var ids = batch.Select(p => p.Row.Id).ToList();
            await intake.ReceiveAsync(forceId, batch.Select(p => p.Inbound).ToList(), (db, ct) => MarkProcessedAsync(db, ids, ct), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (batch.Count == 1)
            {
                await FailedAsync(forceId, batch[0].Row, e);
                return;
            }
            logger.LogWarning(e, "A batch of {Count} inbound events failed; taking them in one by one", batch.Count);
            foreach (var one in batch)
                await TakeInAsync(forceId, [one], cancellationToken);
        }
    }

    private async Task ChangeAsync(Guid forceId, Pending change, CancellationToken cancellationToken)
    {
        try
        {
            var result = await intake.ReceiveAsync(forceId, change.Inbound, cancellationToken);
            await using var db = dbs.ForForce(forceId);
            var message = await db.Messages.SingleAsync(m => m.Id == result.MessageId, cancellationToken);
            if (change.Event.Verb == ChannelEventVerb.Edited && !string.IsNullOrWhiteSpace(change.Event.Text))
                message.Edit(change.Event.Text, change.Event.SentAt);
            else if (change.Event.Verb == ChannelEventVerb.Removed)
                message.Remove(change.Event.SentAt);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await MarkProcessedAsync(db, [change.Row.Id], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await deskEvents.PublishAsync(new DeskEvent(forceId, result.ConversationId, DeskEventKind.MessageReceived, message.Id), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailedAsync(forceId, change.Row, e);
        }
    }

    private Task MarkProcessedAsync(BlueLampDb db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.InboundEvents.Where(e => ids.Contains(e.Id) && e.ProcessedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ProcessedAt, now), cancellationToken);
    }

    /// <summary>Keeps the event unprocessed with the reason; the sweep tries it again. No message text in the log.</summary>
    private async Task FailedAsync(Guid forceId, InboundEvent row, Exception e)
    {
        logger.LogError(e, "Inbound event {EventId} of account {AccountId} could not reach the desk (attempt {Attempt})", row.Id, row.AccountId, row.Attempts + 1);
        await using var db = dbs.ForForce(forceId);
        var tracked = await db.InboundEvents.SingleOrDefaultAsync(x => x.Id == row.Id, CancellationToken.None);
        tracked?.Failed($"{e.GetType().Name}: {e.Message}");
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static InboundMessage InboundOf(ChannelEvent channelEvent, Guid accountId)
    {
        var inbound = channelEvent.ToInboundMessage(accountId);
        var text = string.IsNullOrWhiteSpace(inbound.Text) ? "[no text]" : inbound.Text;
        if (text.Length > Message.MaxTextLength)
            text = text[..(Message.MaxTextLength - 1)] + "…";
        return inbound with { Text = text, ParentPostId = channelEvent.ParentPost?.Id, ThreadRootPostId = channelEvent.ThreadRoot?.Id };
    }

    /// <summary>A stored event on its way in: its row, what the platform said, and the message it becomes.</summary>
    private sealed record Pending(InboundEvent Row, ChannelEvent Event, InboundMessage Inbound);
}
