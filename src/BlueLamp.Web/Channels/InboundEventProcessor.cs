using System.Threading.Channels;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Brings stored platform events to the desk: the ones just stored, from <see cref="InboundEventQueue"/>, by one
/// worker per lane, each taking whatever has queued up on its lane since its last turn (up to
/// <see cref="ChannelIntakeOptions.IntakeBatchSize"/>) as one batch, so under load a batch grows and the cost per event
/// falls while a lone event goes in at once, and one more worker for the urgent lane; and, on start and then every <see cref="ChannelIntakeOptions.SweepInterval"/>, every event still
/// unprocessed in the database (a process killed between storing and intake, another node's leftovers), oldest first.
/// </summary>
public sealed class InboundEventProcessor(
    InboundEventQueue queue,
    InboundEventIntake intake,
    BlueLampDbFactory dbs,
    IOptions<ChannelIntakeOptions> options,
    TimeProvider time,
    ILogger<InboundEventProcessor> logger) : BackgroundService
{
    private const int SweepBatch = 500;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, queue.LaneCount).Select(lane => WorkAsync(queue.Lane(lane), stoppingToken));
        return Task.WhenAll(workers.Append(WorkAsync(queue.UrgentLane, stoppingToken)).Append(SweepLoopAsync(stoppingToken)));
    }

    /// <summary>Takes in every unprocessed event received before <paramref name="receivedBefore"/>; returns how many it tried.</summary>
    public async Task<int> SweepAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        var tried = 0;
        while (true)
        {
            await using var db = dbs.Unscoped();
            // Across forces, like the webhooks that stored them; each event is then taken in within its own force.
            var pending = await db.InboundEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.ProcessedAt == null && e.Attempts < InboundEventIntake.MaxAttempts && e.ReceivedAt < receivedBefore)
                .OrderBy(e => e.SentAt)
                .Select(e => new { e.ForceId, e.Id })
                .Take(SweepBatch)
                .ToListAsync(cancellationToken);
            foreach (var force in pending.GroupBy(e => e.ForceId))
                await intake.ProcessAsync(force.Key, force.Select(e => e.Id).ToList(), cancellationToken);
            tried += pending.Count;
            if (pending.Count < SweepBatch)
                return tried;
        }
    }

    private async Task WorkAsync(ChannelReader<StoredEventRef> reader, CancellationToken stoppingToken)
    {
        try
        {
            var batch = new List<StoredEventRef>();
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.Value.IntakeBatchSize && reader.TryRead(out var stored))
                    batch.Add(stored);
                foreach (var force in batch.GroupBy(e => e.ForceId))
                {
                    try
                    {
                        await intake.ProcessAsync(force.Key, force.ToList(), stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The database did not answer: the events stay unprocessed and the sweep takes them later.
                        logger.LogError(e, "{Count} inbound events are left for the sweep", force.Count());
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left is in the database for the next start.
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SweepOnceAsync(time.GetUtcNow(), "left unprocessed by an earlier run", stoppingToken);
            using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Only events old enough that the in-process queue should long have had them.
                await SweepOnceAsync(time.GetUtcNow() - options.Value.SweepInterval, "that had not reached the desk", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SweepOnceAsync(DateTimeOffset receivedBefore, string what, CancellationToken stoppingToken)
    {
        try
        {
            var swept = await SweepAsync(receivedBefore, stoppingToken);
            if (swept > 0)
                logger.LogInformation("Took in {Count} stored platform events {What}", swept, what);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The sweep of stored platform events failed; it runs again in {Interval}", options.Value.SweepInterval);
        }
    }
}
