namespace BlueLamp.Web.Channels;

/// <summary>
/// Runs one recurring piece of channel work (a poll, reconciliation) after the app has started listening (in demo
/// mode the platforms are this app), at a fixed interval, surviving failures: a platform or database outage is
/// logged and tried again at the next tick instead of stopping the host.
/// </summary>
public static class ChannelBackgroundWork
{
    public static async Task RepeatAsync(IHostApplicationLifetime lifetime, TimeSpan interval, TimeProvider time, ILogger logger, string what, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await WhenStartedAsync(lifetime, stoppingToken);
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "{Work} failed; it runs again in {Interval}", what, interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Works an outbox after start-up until the host stops: at once whenever <paramref name="signal"/> is nudged, otherwise
    /// every <paramref name="interval"/>. A failure is logged and tried again at the next wake-up; on shutdown, whatever
    /// was leased becomes due again when its lease ends.
    /// </summary>
    public static async Task WorkOutboxAsync(IHostApplicationLifetime lifetime, OutboundSignal signal, TimeSpan interval, ILogger logger, string what,
        Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await WhenStartedAsync(lifetime, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "{Work} could not be worked; trying again in {Interval}", what, interval);
                }
                await signal.WaitAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public static Task WhenStartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
