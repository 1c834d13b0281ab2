using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Counts failed referral authentications per remote address (a built-in fixed-window limiter,
/// <see cref="TriageOptions.FailedReferralAuthenticationsPerMinute"/> a minute on this node). Only failures count, so a
/// partner with a valid key is never held back by someone else guessing from the same address; a guesser past the limit
/// is answered 429 with <c>Retry-After</c> instead of 401.
/// </summary>
public sealed class ReferralAuthenticationFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public ReferralAuthenticationFailures(IOptions<TriageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perMinute = options.Value.FailedReferralAuthenticationsPerMinute;
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>Counts one failure from <paramref name="http"/>'s remote address: null while it is within the limit, else how long it must wait.</summary>
    public TimeSpan? Record(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired ? null : ReferralRatePolicy.RetryAfterOf(lease);
    }

    public void Dispose() => limiter.Dispose();
}
