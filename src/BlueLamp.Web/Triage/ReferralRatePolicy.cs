using System.Globalization;
using System.Threading.RateLimiting;
using BlueLamp.Core.Triage;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Triage;

/// <summary>
/// ASP.NET Core's rate limiter for <c>POST /api/referrals/{force}</c>, one fixed window per presented API key (by its hash,
/// never the key itself): <see cref="TriageOptions.ReferralsPerKeyPerMinute"/> a minute on this node. A request over it is
/// refused before anything is read or stored, with 429, <c>Retry-After</c> and a body that says the referral was not
/// recorded, so the sender retries rather than believing it delivered. Requests without a key are left to the endpoint,
/// which refuses them and counts the failure per address (<see cref="ReferralAuthenticationFailures"/>).
/// </summary>
public sealed class ReferralRatePolicy(IOptions<TriageOptions> options, ILogger<ReferralRatePolicy> logger) : IRateLimiterPolicy<string>
{
    public const string Name = "referrals";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        logger.LogWarning("Emergency referral refused with 429: its API key sent more than {Limit} referrals this minute", options.Value.ReferralsPerKeyPerMinute);
        await WriteRefusalAsync(context.HttpContext, RetryAfterOf(context.Lease), "This API key has sent more referrals this minute than BlueLamp takes from one key.", cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var presented = PresentedKey(httpContext.Request);
        if (presented is null)
            return RateLimitPartition.GetNoLimiter("no-key");
        var perMinute = options.Value.ReferralsPerKeyPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter("key:" + ReferralApiKey.HashOf(presented), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

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

    /// <summary>How long the limiter says to wait, at least a second; a minute when it does not say.</summary>
    public static TimeSpan RetryAfterOf(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))) : TimeSpan.FromMinutes(1);
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
}
