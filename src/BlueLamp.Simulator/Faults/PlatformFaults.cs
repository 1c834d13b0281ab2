using System.ComponentModel.DataAnnotations;

namespace BlueLamp.Simulator.Faults;

/// <summary>The faults switched on for one platform. All off by default.</summary>
public sealed record PlatformFaults
{
    /// <summary>Webhooks are not sent: the message exists on the platform only, and reconciliation must find it.</summary>
    public bool DropWebhooks { get; init; }

    /// <summary>Each webhook is sent this many times at once (0 or 1: once).</summary>
    [Range(0, 50)]
    public int DuplicateCopies { get; init; }

    /// <summary>Webhooks are held and sent newest first once <see cref="OutOfOrderBatch"/> are waiting (or when released).</summary>
    public bool OutOfOrder { get; init; }

    [Range(2, 1000)]
    public int OutOfOrderBatch { get; init; } = 3;

    /// <summary>API calls are refused as over the rate limit (429).</summary>
    public bool RateLimited { get; init; }

    [Range(1, 3600)]
    public int RetryAfterSeconds { get; init; } = 30;

    /// <summary>API calls fail with 500.</summary>
    public bool ServerErrors { get; init; }

    /// <summary>
    /// When set, the rate limit or server errors apply to this many API calls and then switch themselves
    /// off, so a retry that comes after them succeeds.
    /// </summary>
    [Range(1, 10_000)]
    public int? ForCalls { get; init; }

    /// <summary>Every API answer waits this long first.</summary>
    [Range(0, 120_000)]
    public int SlowResponseMilliseconds { get; init; }

    /// <summary>The account's token is treated as expired: every API call gets the platform's auth error.</summary>
    public bool TokenExpired { get; init; }

    /// <summary>
    /// X only: the app's access no longer covers direct messages, so listing them is refused with X's 403
    /// "client-forbidden" while the rest of the API works (X's DM access is pay-per-use and being withdrawn).
    /// </summary>
    public bool DirectMessagesForbidden { get; init; }

    public bool AnyOn => DropWebhooks || DuplicateCopies > 1 || OutOfOrder || RateLimited || ServerErrors
        || SlowResponseMilliseconds > 0 || TokenExpired || DirectMessagesForbidden;
}
