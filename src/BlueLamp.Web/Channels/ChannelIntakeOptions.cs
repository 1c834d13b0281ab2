namespace BlueLamp.Web.Channels;

/// <summary>How BlueLamp takes in and checks the platform accounts (configuration section <c>Channels:Intake</c>).</summary>
public sealed class ChannelIntakeOptions
{
    public const string SectionName = "Channels:Intake";

    /// <summary>The largest webhook body accepted; a larger one is refused with 413.</summary>
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;

    /// <summary>How often each Bluesky account's notifications and chats are read (Bluesky has no webhooks).</summary>
    public TimeSpan BlueskyPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each X account's mentions are read, besides the Account Activity webhook.</summary>
    public TimeSpan XMentionsPollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often every account is compared with the platform's own lists to backfill what webhooks missed.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often stored events that have not reached the desk yet are looked for (a crash, another node, an outage).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox is looked at when no reply nudged it.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a sender holds a reply before another may try it (the send was cut off by a crash).</summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An account with no event for this long is shown as unusually quiet.</summary>
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Warn this long before an account's credentials expire.</summary>
    public TimeSpan ExpiryWarning { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Parallel workers taking stored events to the desk; one conversation always goes to the same worker. One per core,
    /// at most four: more lanes than cores only take CPU from the webhooks' acknowledgements. On the 2-core bench machine
    /// at 2,000 events/s, 2 lanes gave PostgreSQL ack p99 28.6 and 38.4 ms where 4 gave 47.0 and 242.3 ms
    /// (bench/webhooks.sh, README's Performance section). The urgent lane is one more, always.
    /// </summary>
    public int IntakeWorkers { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The most new messages taken in by one transaction (a worker takes whatever queued up while it was busy, up to this).</summary>
    public int IntakeBatchSize { get; set; } = 250;

    /// <summary>Pages of Bluesky notifications read back on the first poll of an account, before anything is stored.</summary>
    public int FirstPollPages { get; set; } = 2;

    /// <summary>The most pages one poll reads back looking for an item already stored.</summary>
    public int MaxPollPages { get; set; } = 10;
}
