namespace BlueLamp.Simulator.State;

/// <summary>The force account's profile text as BlueLamp set it; on Bluesky also the whole profile record and its cid.</summary>
public sealed record SimulatedProfile(string Text, string? RecordJson, string? Cid);
