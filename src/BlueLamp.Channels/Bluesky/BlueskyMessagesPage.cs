using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Bluesky;

/// <summary>One page of <c>chat.bsky.convo.getMessages</c> (newest first) as events, and the cursor for older messages.</summary>
public sealed record BlueskyMessagesPage(ChannelParseResult Parsed, string? Cursor);
