namespace BlueLamp.Simulator.Faults;

/// <summary>The fault one API call meets, with the Retry-After to announce when it is a rate limit.</summary>
public sealed record FaultDecision(ApiFault Fault, int RetryAfterSeconds);
