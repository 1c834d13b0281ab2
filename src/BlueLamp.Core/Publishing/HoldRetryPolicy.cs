namespace BlueLamp.Core.Publishing;

/// <summary>
/// How often a comment the platform did not hide is tried again: after <paramref name="FirstDelay"/>, doubling each
/// time up to <paramref name="LongestDelay"/>, at most <paramref name="MaxAttempts"/> attempts in all.
/// </summary>
public sealed record HoldRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan LongestDelay)
{
    /// <summary>When to try again after <paramref name="attempts"/> failed attempts, or null when that was the last.</summary>
    public DateTimeOffset? NextAttempt(int attempts, DateTimeOffset now)
    {
        if (attempts >= MaxAttempts)
            return null;
        var doubling = Math.Min(attempts - 1, 20);
        var delay = FirstDelay * Math.Pow(2, Math.Max(doubling, 0));
        return now + (delay < LongestDelay ? delay : LongestDelay);
    }
}
