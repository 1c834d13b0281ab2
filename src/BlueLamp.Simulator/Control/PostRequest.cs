namespace BlueLamp.Simulator.Control;

/// <summary>Control API: one of the account's own posts, as if published earlier, for people to comment under.</summary>
public sealed record PostRequest(string Platform, string Text, DateTimeOffset? At);
