using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.X;

/// <summary>One page of <c>GET /2/dm_events</c>: the people's messages as events, and <see cref="NextToken"/> towards older ones.</summary>
public sealed record XDirectMessagesPage(ChannelParseResult Parsed, string? NextToken);
