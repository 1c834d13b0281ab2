namespace BlueLamp.Web.Channels;

/// <summary>Wakes the outbound sender as soon as a reply is queued, so it does not wait for its next look.</summary>
public sealed class OutboundSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Nudge()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged; one wake-up sends everything that is due.
        }
    }

    public void Dispose() => signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
