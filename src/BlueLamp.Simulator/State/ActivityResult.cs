using BlueLamp.Simulator.Delivery;

namespace BlueLamp.Simulator.State;

/// <summary>What a simulated person's action produced: the entry with its platform ids and, where the platform pushes, the webhook's fate.</summary>
public sealed record ActivityResult(SimulatedEntry? Entry, DeliveryReport? Delivery, string? Error)
{
    public bool Succeeded => Error is null;

    public static ActivityResult Failed(string error) => new(null, null, error);
}
