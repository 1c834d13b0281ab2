namespace BlueLamp.Simulator.State;

/// <summary>A member of the public on one platform, under the id that platform gives them (PSID, IGSID, X user id, DID).</summary>
public sealed record SimulatedPerson(SimulatedPlatform Platform, string Id, string Name, string Username);
