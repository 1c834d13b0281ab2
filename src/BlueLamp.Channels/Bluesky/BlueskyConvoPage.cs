namespace BlueLamp.Channels.Bluesky;

/// <summary>One page of <c>chat.bsky.convo.listConvos</c>, most recently active first, and the cursor for the next page.</summary>
public sealed record BlueskyConvoPage(IReadOnlyList<BlueskyConvo> Convos, string? Cursor, string? Error = null);
