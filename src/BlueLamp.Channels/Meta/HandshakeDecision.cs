namespace BlueLamp.Channels.Meta;

/// <summary>The answer to Meta's subscription handshake: echo <see cref="Challenge"/> with 200, or refuse with 403 and log <see cref="Reason"/>.</summary>
public sealed record HandshakeDecision(bool Accepted, string? Challenge, string? Reason);
