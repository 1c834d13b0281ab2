namespace BlueLamp.Web.Tests.Channels;

/// <summary>Waits for something that happens in the background (a poll, the intake workers, the outbox) to come true.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
