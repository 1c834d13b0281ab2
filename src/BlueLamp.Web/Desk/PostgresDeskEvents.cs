using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using BlueLamp.Core.Contact;
using Npgsql;

namespace BlueLamp.Web.Desk;

/// <summary>
/// The desk event bus when several nodes share one PostgreSQL: each event reaches this node's screens at once (as
/// with <see cref="InProcessDeskEvents"/>) and every other node's through PostgreSQL <c>NOTIFY</c> on one channel,
/// which each node <c>LISTEN</c>s to. Notifications are sent in batches by one writer, so a burst of intake costs a
/// round trip per batch, not per event. When the listening connection is lost, the node reconnects and tells its
/// screens to reload (<see cref="DeskEventKind.Resync"/>), because events sent meanwhile did not reach it.
/// </summary>
public sealed class PostgresDeskEvents(string connectionString, ILogger<PostgresDeskEvents> logger) : IDeskEvents, IHostedService, IAsyncDisposable
{
    public const string ChannelName = "bluelamp_desk";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private const int MaxBatch = 500;

    private readonly InProcessDeskEvents local = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<InProcessDeskEvents>.Instance);
    private readonly Channel<DeskEvent> outgoing = Channel.CreateUnbounded<DeskEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, int> subscribedForces = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NpgsqlDataSource? dataSource;
    private Task? sender;
    private Task? listener;
    private readonly Lock stopGate = new();
    private Task? stopped;

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    /// <summary>This node, so it ignores its own notifications (its screens had the event already).</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    /// <summary>Completes once this node listens, so a test (or a start-up check) can wait for it.</summary>
    public Task Listening => listening.Task;

    public async ValueTask PublishAsync(DeskEvent deskEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deskEvent);
        await local.PublishAsync(deskEvent, cancellationToken);
        outgoing.Writer.TryWrite(deskEvent);
    }

    public IDisposable Subscribe(Guid forceId, Func<DeskEvent, Task> handler)
    {
        subscribedForces.TryAdd(forceId, 0);
        return local.Subscribe(forceId, handler);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
        sender = Task.Run(() => SendAsync(stopping.Token), CancellationToken.None);
        listener = Task.Run(() => ListenAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await StopOnce().WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    public async ValueTask DisposeAsync()
    {
        // The host may dispose this while its stop is still under way (a shutdown that ran out of time): the loops are
        // stopped first, once, so the token they watch is never disposed under them.
        await StopOnce().ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
        if (dataSource is not null)
            await dataSource.DisposeAsync();
    }

    private Task StopOnce()
    {
        lock (stopGate)
            return stopped ??= StopLoopsAsync();
    }

    private async Task StopLoopsAsync()
    {
        // What was published before the stop still goes out, for a few seconds at most.
        outgoing.Writer.TryComplete();
        if (sender is not null)
            await sender.WaitAsync(FlushTimeout).ContinueWith(_ => { }, TaskScheduler.Default);
        await stopping.CancelAsync();
        if (listener is not null)
            await listener.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Sends what was published as notifications, as many per round trip as are waiting.</summary>
    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var batch = new List<string>(MaxBatch);
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(cancellationToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && outgoing.Reader.TryRead(out var next))
                    batch.Add(JsonSerializer.Serialize(Wire.From(NodeId, next)));
                try
                {
                    await using var command = dataSource!.CreateCommand("SELECT pg_notify(@channel, payload) FROM unnest(@payloads) AS payload");
                    command.Parameters.AddWithValue("channel", ChannelName);
                    command.Parameters.AddWithValue("payloads", batch.ToArray());
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // This node's screens had the events; the other nodes' screens catch up at their next event.
                    logger.LogWarning(e, "{Count} desk events could not be sent to the other nodes", batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Listens for the other nodes' events, reconnecting (and telling the screens to reload) after a loss.</summary>
    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var lostBefore = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource!.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, n) => _ = DeliverAsync(n.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                listening.TrySetResult();
                if (lostBefore)
                {
                    logger.LogWarning("Listening to the other nodes' desk events again; desk screens reload what they show");
                    foreach (var forceId in subscribedForces.Keys)
                        await local.PublishAsync(new DeskEvent(forceId, Guid.Empty, DeskEventKind.Resync), cancellationToken);
                }
                while (true)
                    await connection.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                lostBefore = true;
                logger.LogError(e, "Lost the connection that brings other nodes' desk events; reconnecting in {Delay}", ReconnectDelay);
                try
                {
                    await Task.Delay(ReconnectDelay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DeliverAsync(string payload)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(payload);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "A desk notification could not be read");
            return;
        }
        if (wire is null || wire.Node == NodeId || !Enum.IsDefined(wire.Kind))
            return;
        await local.PublishAsync(new DeskEvent(wire.Force, wire.Conversation, wire.Kind, wire.Message));
    }

    /// <summary>A desk event on the wire (well under PostgreSQL's 8,000-byte payload limit).</summary>
    private sealed record Wire(Guid Node, Guid Force, Guid Conversation, DeskEventKind Kind, Guid? Message)
    {
        public static Wire From(Guid node, DeskEvent e) => new(node, e.ForceId, e.ConversationId, e.Kind, e.MessageId);
    }
}
