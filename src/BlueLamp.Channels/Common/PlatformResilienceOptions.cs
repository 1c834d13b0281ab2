namespace BlueLamp.Channels.Common;

/// <summary>
/// How hard BlueLamp tries before a send is shown as failed (configuration section <c>Channels:Resilience</c>).
/// The defaults suit the real platforms; tests shorten the delays.
/// </summary>
public sealed class PlatformResilienceOptions
{
    public const string SectionName = "Channels:Resilience";

    /// <summary>Retries after the first attempt, on 5xx, 408, 429 and timeouts.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay; it doubles with each retry (with jitter) unless the platform says when to come back.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest Retry-After (or rate-limit reset) we wait inside one send; a longer one fails the send as retryable instead of holding the operator up.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed calls within the sampling window that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
