namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// A Bluesky chat convo (<c>chat.bsky.convo.defs#convoView</c>). <see cref="Rev"/> changes whenever anything in the
/// convo changes, so a poller fetches messages only for convos whose rev moved since it last looked.
/// </summary>
public sealed record BlueskyConvo(
    string Id,
    string Rev,
    IReadOnlyList<BlueskyConvoMember> Members,
    int UnreadCount,
    string? Status,
    string? LastMessageId);
