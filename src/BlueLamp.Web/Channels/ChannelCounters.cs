using System.Diagnostics.Metrics;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Counts what the webhooks refused or could not place, as metrics (meter <c>BlueLamp.Channels</c>) and as totals
/// shown in /healthz, so an event for an account nobody connected is noticed, not only logged.
/// </summary>
public sealed class ChannelCounters : IDisposable
{
    public const string MeterName = "BlueLamp.Channels";

    private readonly Meter meter;
    private readonly Counter<long> unknownAccount;
    private readonly Counter<long> refused;
    private long unknownAccountTotal;

    public ChannelCounters(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(MeterName);
        unknownAccount = meter.CreateCounter<long>("bluelamp.webhooks.unknown_account", description: "Webhook events for an account BlueLamp is not connected to");
        refused = meter.CreateCounter<long>("bluelamp.webhooks.refused", description: "Webhook requests refused (signature, shape, size)");
    }

    public long UnknownAccountTotal => Interlocked.Read(ref unknownAccountTotal);

    public void UnknownAccount(string platform, int events)
    {
        Interlocked.Add(ref unknownAccountTotal, events);
        unknownAccount.Add(events, new KeyValuePair<string, object?>("platform", platform));
    }

    public void Refused(string platform, int status) =>
        refused.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("status", status));

    public void Dispose() => meter.Dispose();
}
