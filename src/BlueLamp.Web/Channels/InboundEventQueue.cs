using System.Threading.Channels;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Hands events that were just stored to the intake workers in this process, one lane per worker; the events of one
/// conversation always take the same lane, so they never race each other. What is lost here (a crash) is still in
/// the database and is found by the sweep.
/// </summary>
public sealed class InboundEventQueue
{
    private readonly Channel<StoredEventRef>[] lanes;

    public InboundEventQueue(Microsoft.Extensions.Options.IOptions<ChannelIntakeOptions> options)
    {
        var count = Math.Clamp(options.Value.IntakeWorkers, 1, 64);
        lanes = Enumerable.Range(0, count).Select(_ => Channel.CreateUnbounded<StoredEventRef>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
    }

    public int LaneCount => lanes.Length;

    public void Enqueue(StoredEventRef stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(stored.AccountId.ToString("N") + stored.ThreadKey) % (uint)lanes.Length);
        lanes[lane].Writer.TryWrite(stored);
    }

    public ChannelReader<StoredEventRef> Lane(int index) => lanes[index].Reader;
}
