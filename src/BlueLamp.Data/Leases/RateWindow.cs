namespace BlueLamp.Data.Leases;

/// <summary>
/// How many times something limited (an API key's referrals, an address's failed keys) was counted in one second (a bucket
/// of a sliding window), shared by every node through the database so a limit holds across nodes. Counted by <see cref="RateWindows"/>.
/// </summary>
public sealed class RateWindow
{
    public const int MaxNameLength = 200;

    private RateWindow() { Name = ""; }

    public string Name { get; private set; }

    /// <summary>The start of the one-second bucket (<see cref="RateWindows.Bucket"/>).</summary>
    public DateTimeOffset WindowStart { get; private set; }

    public int Count { get; private set; }
}
