using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Desk;

/// <summary>Everything the operator sees when a conversation is open.</summary>
public sealed record ConversationView(
    Guid ConversationId,
    Platform Platform,
    string AccountName,
    string PersonName,
    ConversationKind Kind,
    ConversationStatus Status,
    Grade? Grade,
    DateTimeOffset OpenedAt,
    IReadOnlyList<MessageView> Messages);

/// <summary>One message as the desk shows it.</summary>
public sealed record MessageView(
    Guid MessageId,
    MessageDirection Direction,
    string Text,
    DateTimeOffset SentAt,
    string? AuthorName,
    DeliveryState DeliveryState);
