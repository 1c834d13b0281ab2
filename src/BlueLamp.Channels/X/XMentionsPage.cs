using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.X;

/// <summary>
/// One page of <c>GET /2/users/:id/mentions</c>: the mentions as events, <see cref="NewestId"/> to keep as the next
/// <c>since_id</c>, and <see cref="NextToken"/> when more pages of the same window remain.
/// </summary>
public sealed record XMentionsPage(ChannelParseResult Parsed, string? NewestId, string? NextToken);
