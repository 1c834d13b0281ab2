using System.Threading.Channels;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Hands events that were just stored to the intake workers in this process, one lane per worker; the events of one
/// conversation always take the same lane, so they never race each other. An urgent event (life at risk, grade 1)
/// takes a lane of its own instead, so it never waits behind a batch of chatter; should it meet its conversation's
/// other events being written at the same moment, the conversation's version check makes one of them try again.
/// What is lost here (a crash) is still in the database and is found by the sweep.
/// </summary>
public sealed class InboundEventQueue
{
    private readonly Channel<StoredEventRef>[] lanes;
    private readonly Channel<StoredEventRef> urgent = Channel.CreateUnbounded<StoredEventRef>(new UnboundedChannelOptions { SingleReader = true });

    public InboundEventQueue(Microsoft.Extensions.Options.IOptions<ChannelIntakeOptions> options)
    {
        var count = Math.Clamp(options.Value.IntakeWorkers, 1, 64);
        lanes = Enumerable.Range(0, count).Select(_ => Channel.CreateUnbounded<StoredEventRef>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
    }

    public int LaneCount => lanes.Length;

    public void Enqueue(StoredEventRef stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Urgent)
        {
            urgent.Writer.TryWrite(stored);
            return;
        }
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(stored.AccountId.ToString("N") + stored.ThreadKey) % (uint)lanes.Length);
        lanes[lane].Writer.TryWrite(stored);
    }

    public ChannelReader<StoredEventRef> Lane(int index) => lanes[index].Reader;

    /// <summary>The lane of events that must not wait: life at risk, grade 1.</summary>
    public ChannelReader<StoredEventRef> UrgentLane => urgent.Reader;
}
