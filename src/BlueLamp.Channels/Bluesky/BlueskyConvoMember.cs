namespace BlueLamp.Channels.Bluesky;

/// <summary>A member of a Bluesky chat convo, as <c>chat.bsky.actor.defs#profileViewBasic</c> describes them.</summary>
public sealed record BlueskyConvoMember(string Did, string? Handle, string? DisplayName);
