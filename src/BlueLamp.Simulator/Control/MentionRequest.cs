namespace BlueLamp.Simulator.Control;

/// <summary>Control API: a person mentions the account on X or Bluesky, or replies to one of its posts (InReplyTo).</summary>
public sealed record MentionRequest(string Platform, string PersonId, string Text, string? InReplyTo, DateTimeOffset? At);
