using System.Collections.Concurrent;
using System.Collections.Immutable;
using BlueLamp.Core.Contact;

namespace BlueLamp.Web.Desk;

/// <summary>The desk event bus of a single node: every circuit and chat stream of this process hears every event.</summary>
public sealed class InProcessDeskEvents(ILogger<InProcessDeskEvents> logger) : IDeskEvents
{
    private readonly ConcurrentDictionary<Guid, ImmutableList<Func<DeskEvent, Task>>> _handlers = new();

    public async ValueTask PublishAsync(DeskEvent deskEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deskEvent);
        if (!_handlers.TryGetValue(deskEvent.ForceId, out var handlers))
            return;
        foreach (var handler in handlers)
        {
            try
            {
                await handler(deskEvent);
            }
            catch (Exception ex)
            {
                // One broken screen must not keep the event from the others.
                logger.LogError(ex, "A desk event subscriber failed on {Kind} for conversation {ConversationId}", deskEvent.Kind, deskEvent.ConversationId);
            }
        }
    }

    public IDisposable Subscribe(Guid forceId, Func<DeskEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.AddOrUpdate(forceId, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => _handlers.AddOrUpdate(forceId, _ => [], (_, list) => list.Remove(handler)));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                unsubscribe();
        }
    }
}
