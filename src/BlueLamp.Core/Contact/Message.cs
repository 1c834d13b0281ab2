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

    /// <summary>The post a comment, reply or mention sits under (the platform's id), so triage sees its context.</summary>
    public string? ParentPostId { get; private set; }

    /// <summary>When the person last edited the message on the platform; the original stays in the raw inbound event.</summary>
    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>When the person removed the message on the platform; its text is kept for the record.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>The platform's error when an outbound message could not be delivered.</summary>
    public string? DeliveryError { get; private set; }

    /// <summary>The platform's own id of an outbound message once it was delivered.</summary>
    public string? DeliveredPlatformMessageId { get; private set; }

    /// <summary>True for an outbound message sent privately to the author of a public comment or mention (a private reply).</summary>
    public bool SentPrivately { get; private set; }

    /// <summary>When an operator hid this public comment on the platform; null while it is visible.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>Why it was hidden (e.g. it discloses someone's address), as the operator recorded it.</summary>
    public string? HiddenReason { get; private set; }

    public string? HiddenByName { get; private set; }

    public static Message Inbound(
        Guid id, Guid forceId, Guid conversationId, Guid accountId, string platformMessageId,
        string text, DateTimeOffset sentAt, DateTimeOffset recordedAt, string? parentPostId = null) =>
        new(id, forceId, conversationId, accountId, MessageDirection.Inbound, platformMessageId, text,
            sentAt, recordedAt, null, null, DeliveryState.Received) { ParentPostId = parentPostId };

    public static Message Outbound(
        Guid id, Guid forceId, Guid conversationId, Guid accountId, string text,
        DateTimeOffset at, string authorUserId, string authorName, DeliveryState deliveryState, bool sentPrivately = false) =>
        new(id, forceId, conversationId, accountId, MessageDirection.Outbound, $"bluelamp:{id:N}", text,
            at, at, authorUserId, authorName, deliveryState) { SentPrivately = sentPrivately };

    /// <summary>The longest reason for hiding a comment that is kept.</summary>
    public const int MaxHiddenReasonLength = 500;

    /// <summary>The person changed the text on the platform; an older edit arriving late changes nothing.</summary>
    public void Edit(string text, DateTimeOffset editedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (Direction != MessageDirection.Inbound)
            throw new InvalidOperationException("Only a message from the public is edited by its author.");
        if (EditedAt is { } previous && previous >= editedAt)
            return;
        Text = text.Length <= MaxTextLength ? text : text[..MaxTextLength];
        EditedAt = editedAt;
    }

    /// <summary>The person removed the message on the platform.</summary>
    public void Remove(DateTimeOffset removedAt) => RemovedAt ??= removedAt;

    /// <summary>The comment was hidden on the platform by an operator, for the reason they gave.</summary>
    public void Hide(string reason, string byName, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(byName);
        if (Direction != MessageDirection.Inbound)
            throw new InvalidOperationException("Only a comment from the public can be hidden.");
        var trimmed = reason.Trim();
        HiddenReason = trimmed.Length <= MaxHiddenReasonLength ? trimmed : trimmed[..MaxHiddenReasonLength];
        HiddenByName = byName;
        HiddenAt = at;
    }

    /// <summary>The comment is visible on the platform again; the audit trail keeps why it was hidden.</summary>
    public void Unhide()
    {
        HiddenAt = null;
        HiddenReason = null;
        HiddenByName = null;
    }

    /// <summary>The platform took the outbound message.</summary>
    public void Delivered(string platformMessageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformMessageId);
        DeliveryState = DeliveryState.Sent;
        DeliveredPlatformMessageId = platformMessageId;
        DeliveryError = null;
    }

    /// <summary>The platform refused the outbound message or could not be reached, for good: an operator must act.</summary>
    public void DeliveryFailed(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        DeliveryState = DeliveryState.Failed;
        DeliveryError = error.Length <= 1000 ? error : error[..1000];
    }

    /// <summary>An operator tries a failed message again.</summary>
    public void RetryDelivery()
    {
        if (Direction != MessageDirection.Outbound || DeliveryState != DeliveryState.Failed)
            throw new InvalidOperationException("Only a failed outbound message can be sent again.");
        DeliveryState = DeliveryState.Pending;
        DeliveryError = null;
    }
}
