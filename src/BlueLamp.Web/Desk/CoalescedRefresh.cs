namespace BlueLamp.Web.Desk;

/// <summary>
/// Runs a screen's refresh at most once per <see cref="Interval"/> however many desk events arrive: the first event
/// refreshes at once, and every event during that refresh or the pause after it is folded into one more refresh. When
/// platforms deliver thousands of messages a second, an open queue then re-reads a few times a second instead of
/// thousands, and the intake that publishes the events never waits for a screen.
/// </summary>
public sealed class CoalescedRefresh(Func<Task> refresh, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>The shortest time between two refreshes of one screen.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private bool running;
    private bool requestedAgain;

    /// <summary>Asks for a refresh; returns at once (the refresh runs in the background).</summary>
    public Task RequestAsync()
    {
        lock (gate)
        {
            if (running)
            {
                requestedAgain = true;
                return Task.CompletedTask;
            }
            running = true;
        }
        _ = RunAsync();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = stopping.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await refresh();
                await Task.Delay(Interval, time, token);
                lock (gate)
                {
                    if (!requestedAgain)
                    {
                        running = false;
                        return;
                    }
                    requestedAgain = false;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The screen was closed.
        }
        catch (Exception e)
        {
            // One failed refresh must not stop the next: the screen catches up on the next event.
            logger.LogError(e, "A desk screen could not refresh");
            lock (gate)
                running = false;
        }
    }
}
