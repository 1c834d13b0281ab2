using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>One message in a conversation, from the public or from the force.</summary>
public sealed class Message : IForceOwned
{
    /// <summary>The longest message text BlueLamp stores; platforms allow less.</summary>
    public const int MaxTextLength = 10_000;

    private Message() { PlatformMessageId = ""; Text = ""; }

    private Message(
        Guid id, Guid forceId, Guid conversationId, Guid accountId, MessageDirection direction,
        string platformMessageId, string text, DateTimeOffset sentAt, DateTimeOffset recordedAt,
        string? authorUserId, string? authorName, DeliveryState deliveryState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformMessageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Length > MaxTextLength)
            throw new ArgumentException($"A message may hold at most {MaxTextLength} characters.", nameof(text));
        Id = id;
        ForceId = forceId;
        ConversationId = conversationId;
        AccountId = accountId;
        Direction = direction;
        PlatformMessageId = platformMessageId;
        Text = text;
        SentAt = sentAt;
        RecordedAt = recordedAt;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        DeliveryState = deliveryState;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid ConversationId { get; private set; }

    /// <summary>The account the message came in on or went out from; with <see cref="PlatformMessageId"/> it is unique.</summary>
    public Guid AccountId { get; private set; }

    public MessageDirection Direction { get; private set; }

    /// <summary>The platform's own id for the message: what duplicates are recognised by.</summary>
    public string PlatformMessageId { get; private set; }

    public string Text { get; private set; }

    /// <summary>When the message was written, by the platform's clock; conversations are shown in this order.</summary>
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>When BlueLamp stored it.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The operator who wrote an outbound message; null for the public.</summary>
    public string? AuthorUserId { get; private set; }

    public string? AuthorName { get; private set; }

    public DeliveryState DeliveryState { get; private set; }

    public static Message Inbound(
        Guid id, Guid forceId, Guid conversationId, Guid accountId, string platformMessageId,
        string text, DateTimeOffset sentAt, DateTimeOffset recordedAt) =>
        new(id, forceId, conversationId, accountId, MessageDirection.Inbound, platformMessageId, text,
            sentAt, recordedAt, null, null, DeliveryState.Received);

    public static Message Outbound(
        Guid id, Guid forceId, Guid conversationId, Guid accountId, string text,
        DateTimeOffset at, string authorUserId, string authorName, DeliveryState deliveryState) =>
        new(id, forceId, conversationId, accountId, MessageDirection.Outbound, $"bluelamp:{id:N}", text,
            at, at, authorUserId, authorName, deliveryState);
}
