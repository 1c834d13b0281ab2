using BlueLamp.Simulator.State;

namespace BlueLamp.Simulator.Delivery;

/// <summary>The story of one webhook: where it went, how many copies, and what BlueLamp answered.</summary>
public sealed record DeliveryReport(
    long Id,
    SimulatedPlatform Platform,
    string Description,
    string Target,
    DeliveryOutcome Outcome,
    int Copies,
    IReadOnlyList<DeliveryAttempt> Attempts,
    DateTimeOffset At);
