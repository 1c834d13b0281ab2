using System.Data.Common;
using System.Globalization;
using System.Threading.RateLimiting;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Leases;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Triage;

/// <summary>
/// The rate limits of <c>POST /api/referrals/{force}</c>, held across every node: each presented API key (by its hash, never
/// the key itself) may send <see cref="TriageOptions.ReferralsPerKeyPerMinute"/> a minute, and each remote address may fail
/// authentication <see cref="TriageOptions.FailedReferralAuthenticationsPerMinute"/> times a minute, in any minute: the count
/// is a sliding window on the shared database (<see cref="RateWindows"/>, one-second buckets, read and written in one
/// transaction each node takes in turn), so neither two nodes nor a minute's boundary let a sender through twice. A referral must never wait long on the count: when the database does not answer within
/// <see cref="ShareTimeout"/>, this node's own in-memory sliding window decides (a per-node limit) and a warning says so.
/// A refused request gets 429, <c>Retry-After</c> and a body that says it was NOT recorded, and is logged.
/// </summary>
public sealed class ReferralRateLimits : IDisposable
{
    /// <summary>How long a referral waits for the shared count before this node's own window decides instead.</summary>
    public static readonly TimeSpan ShareTimeout = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly BlueLampDbFactory dbs;
    private readonly WriteTurn writeTurn;
    private readonly IOptions<TriageOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<ReferralRateLimits> logger;
    private readonly PartitionedRateLimiter<string> keysHere;
    private readonly PartitionedRateLimiter<string> failuresHere;

    public ReferralRateLimits(BlueLampDbFactory dbs, WriteTurn writeTurn, IOptions<TriageOptions> options, TimeProvider time, ILogger<ReferralRateLimits> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (this.dbs, this.writeTurn, this.options, this.time, this.logger) = (dbs, writeTurn, options, time, logger);
        keysHere = Local(options.Value.ReferralsPerKeyPerMinute);
        failuresHere = Local(options.Value.FailedReferralAuthenticationsPerMinute);
    }

    /// <summary>Counts one referral sent with <paramref name="presentedKey"/>: null while within the limit, else how long to wait.</summary>
    public Task<TimeSpan?> CountReferralAsync(string presentedKey, CancellationToken cancellationToken) =>
        CountAsync("referral-key:" + ReferralApiKey.HashOf(presentedKey), options.Value.ReferralsPerKeyPerMinute, keysHere, cancellationToken);

    /// <summary>Counts one failed authentication from <paramref name="http"/>'s remote address: null while within the limit, else how long to wait.</summary>
    public Task<TimeSpan?> CountFailureAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return CountAsync("referral-failures:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            options.Value.FailedReferralAuthenticationsPerMinute, failuresHere, cancellationToken);
    }

    private async Task<TimeSpan?> CountAsync(string name, int limit, PartitionedRateLimiter<string> here, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = dbs.Unscoped();
            var count = await RateWindows.TryCountAsync(db, writeTurn, name, limit, Window, time.GetUtcNow(), ShareTimeout, cancellationToken);
            return count.Counted ? null : Max(TimeSpan.FromSeconds(1), count.RetryAfter);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning(e, "The shared referral rate count did not answer; this node's own count decides this request");
            using var lease = here.AttemptAcquire(name);
            return lease.IsAcquired ? null
                : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Max(TimeSpan.FromSeconds(1), wait) : Window;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static PartitionedRateLimiter<string> Local(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetSlidingWindowLimiter(name, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = Window,
            SegmentsPerWindow = 60,
            QueueLimit = 0,
        }));

    /// <summary>The bearer token of the request, or null when there is none (or it is too long to be a key).</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return null;
        var key = header["Bearer ".Length..].Trim();
        return key.Length is > 0 and <= 200 ? key : null;
    }

    /// <summary>
    /// 429 with <c>Retry-After</c> in whole seconds and a problem body that says plainly the referral was NOT recorded,
    /// so a partner system retries and its operator, if a life is at risk now, phones the force instead of waiting.
    /// </summary>
    public static async Task WriteRefusalAsync(HttpContext http, TimeSpan retryAfter, string why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds;
        await http.Response.WriteAsJsonAsync(new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["referral"] = [$"{why} The referral was NOT recorded: send it again after {seconds} seconds. If a life is at risk now, also phone 999."],
        })
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Referral not recorded: too many requests",
        }, cancellationToken);
    }

    public void Dispose()
    {
        keysHere.Dispose();
        failuresHere.Dispose();
    }
}
