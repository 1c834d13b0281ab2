using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Contact;

/// <summary>A message from the public as every channel hands it over, whatever the platform's own format.</summary>
/// <remarks>
/// <see cref="ParentPostId"/> is the post or comment it sits under; <see cref="ThreadRootPostId"/> the first post of its
/// thread where the platform says (X's conversation_id, Bluesky's reply.root), so a reply to a reply still finds our post.
/// </remarks>
public sealed record InboundMessage(
    Guid AccountId,
    Platform Platform,
    ConversationKind Kind,
    string ThreadKey,
    string PlatformUserId,
    string? DisplayName,
    string PlatformMessageId,
    string Text,
    DateTimeOffset SentAt,
    string? ParentPostId = null,
    string? ThreadRootPostId = null);
