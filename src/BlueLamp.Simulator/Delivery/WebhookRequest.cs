using BlueLamp.Simulator.State;

namespace BlueLamp.Simulator.Delivery;

/// <summary>A signed webhook ready to POST: the exact bytes and the headers the platform would send.</summary>
public sealed record WebhookRequest(
    SimulatedPlatform Platform,
    Uri Target,
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    string Description);
