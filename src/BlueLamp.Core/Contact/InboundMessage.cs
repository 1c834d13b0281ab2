using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Contact;

/// <summary>A message from the public as every channel hands it over, whatever the platform's own format.</summary>
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
    string? ParentPostId = null);
