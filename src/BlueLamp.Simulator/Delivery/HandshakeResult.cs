namespace BlueLamp.Simulator.Delivery;

/// <summary>The verdict on a webhook handshake the simulator made with BlueLamp (Meta subscribe check, X CRC).</summary>
public sealed record HandshakeResult(bool Passed, int? StatusCode, string Detail);
