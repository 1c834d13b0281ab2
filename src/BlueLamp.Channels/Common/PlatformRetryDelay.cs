using System.Globalization;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace BlueLamp.Channels.Common;

/// <summary>
/// When to try a platform again. The platform's own word wins: <c>Retry-After</c> (Meta, standard HTTP),
/// <c>x-rate-limit-reset</c> (X) or <c>ratelimit-reset</c> (Bluesky), both Unix seconds. A wait longer than
/// <see cref="PlatformResilienceOptions.MaxRetryAfter"/> is not retried inside the call: the send fails as retryable
/// and the operator (or the outbox) tries later, rather than an HTTP call hanging for fifteen minutes.
/// </summary>
internal static class PlatformRetryDelay
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
            return false;
        return outcome.Result is not { } response || FromHeaders(response, time) is not { } wait || wait <= maxRetryAfter;
    }

    public static TimeSpan? FromHeaders(HttpResponseMessage response, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
                return delta;
            if (retryAfter.Date is { } date)
                return Positive(date - now);
        }
        foreach (var name in new[] { "x-rate-limit-reset", "ratelimit-reset" })
        {
            // Only a throttled answer's reset time is a reason to wait; on other answers it is just bookkeeping.
            if ((int)response.StatusCode == 429 && response.Headers.TryGetValues(name, out var values)
                && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetAt))
                return Positive(DateTimeOffset.FromUnixTimeSeconds(resetAt) - now);
        }
        return null;
    }

    private static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
