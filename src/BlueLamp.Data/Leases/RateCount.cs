namespace BlueLamp.Data.Leases;

/// <summary>
/// What <see cref="RateWindows.TryCountAsync"/> decided: counted (within the limit) with the count in the sliding window
/// including this one, or refused with how long until a place frees (the count then is what the window already holds).
/// </summary>
public sealed record RateCount(bool Counted, int Count, TimeSpan RetryAfter);
