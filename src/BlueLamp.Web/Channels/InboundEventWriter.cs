using System.Collections.Concurrent;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Data.Intake;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Writes platform events to <c>inbound_events</c> with group commit: webhook requests that arrive while a write is
/// under way queue up, and the next of them to get its turn writes every queued request's events in one transaction.
/// Under a burst that is one statement for many requests instead of one for each, and on SQLite one writer
/// instead of many queueing for the file. Each request still learns exactly which of its events were new. The unique
/// index on account and event key stays the arbiter (<see cref="InboundEventInserts"/>): a row another request or node
/// stored first is skipped by the same statement that stores the others. On SQLite a group goes before the next
/// intake batch (an urgent <see cref="WriteTurn"/>): a platform is waiting for its answer.
/// </summary>
public sealed class InboundEventWriter(BlueLampDbFactory dbs, WriteTurn writeTurn) : IDisposable
{
    private readonly ConcurrentQueue<PendingWrite> queued = new();
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Stores the rows that are not stored yet; returns those it stored (the others were there already).</summary>
    public async Task<IReadOnlyList<InboundEvent>> WriteAsync(IReadOnlyList<InboundEvent> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var pending = new PendingWrite(rows);
        queued.Enqueue(pending);
        // Not cancelled once queued: a request that gave up may already be part of someone's group.
        await turn.WaitAsync(CancellationToken.None);
        try
        {
            if (!pending.Written.Task.IsCompleted)
                await WriteQueuedAsync();
        }
        finally
        {
            turn.Release();
        }
        return await pending.Written.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => turn.Dispose();

    private async Task WriteQueuedAsync()
    {
        var group = new List<PendingWrite>();
        while (queued.TryDequeue(out var next))
            group.Add(next);
        try
        {
            var stored = await WriteGroupAsync(group.SelectMany(p => p.Rows).ToList());
            // A row that lost to an earlier copy of its event in the group, or to a stored one, has an id not stored.
            foreach (var pending in group)
                pending.Written.SetResult(pending.Rows.Where(r => stored.Contains(r.Id)).ToList());
        }
        catch (Exception e)
        {
            // Nothing was acknowledged: every request of the group answers with an error and the platform retries.
            foreach (var pending in group)
                pending.Written.SetException(e);
        }
    }

    /// <summary>Stores the group's new rows; returns the ids of those it stored.</summary>
    private async Task<IReadOnlySet<Guid>> WriteGroupAsync(List<InboundEvent> rows)
    {
        // The same event twice in one group (a platform delivering it to us twice at once): the first one counts.
        var candidates = rows.DistinctBy(r => (r.AccountId, r.EventKey)).ToList();
        // Across forces, like the webhooks: events are force-owned, and this context is not scoped to one force.
        await using var db = dbs.Unscoped();
        using var turn = await writeTurn.EnterAsync(urgent: true);
        return await InboundEventInserts.InsertNewAsync(db, candidates, CancellationToken.None);
    }

    /// <summary>One request's events, and where it hears which of them were stored.</summary>
    private sealed class PendingWrite(IReadOnlyList<InboundEvent> rows)
    {
        public IReadOnlyList<InboundEvent> Rows { get; } = rows;

        public TaskCompletionSource<IReadOnlyList<InboundEvent>> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
