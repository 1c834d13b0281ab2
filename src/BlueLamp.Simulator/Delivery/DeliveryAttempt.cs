namespace BlueLamp.Simulator.Delivery;

/// <summary>One POST of one copy of a webhook, with BlueLamp's answer.</summary>
public sealed record DeliveryAttempt(int Copy, int Attempt, int? StatusCode, string? Error, DateTimeOffset At, TimeSpan Took);
