using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Bluesky;

/// <summary>One page of <c>app.bsky.notification.listNotifications</c>: the events and the cursor to keep for the next poll.</summary>
public sealed record BlueskyNotificationsPage(ChannelParseResult Parsed, string? Cursor);
