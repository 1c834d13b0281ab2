namespace BlueLamp.Simulator.Control;

/// <summary>Control API: a person comments under a post (the newest when PostId is absent) or replies to a comment.</summary>
public sealed record CommentRequest(string Platform, string PersonId, string Text, string? PostId, string? ParentId, DateTimeOffset? At);
