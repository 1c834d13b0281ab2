namespace BlueLamp.Simulator.Control;

/// <summary>Control API: a new member of the public on one platform.</summary>
public sealed record CreatePersonRequest(string Platform, string Name, string? Username);
