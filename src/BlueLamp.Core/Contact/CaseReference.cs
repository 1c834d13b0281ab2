using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>A crime, incident or intelligence number linked to a conversation.</summary>
public sealed class CaseReference : IForceOwned
{
    private CaseReference() { Value = ""; AddedByUserId = ""; AddedByName = ""; }

    public CaseReference(Guid id, Guid forceId, Guid conversationId, ReferenceKind kind, string value, string addedByUserId, string addedByName, DateTimeOffset addedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Id = id;
        ForceId = forceId;
        ConversationId = conversationId;
        Kind = kind;
        Value = value.Trim().ToUpperInvariant();
        AddedByUserId = addedByUserId;
        AddedByName = addedByName;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid ConversationId { get; private set; }

    public ReferenceKind Kind { get; private set; }

    public string Value { get; private set; }

    public string AddedByUserId { get; private set; }

    public string AddedByName { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
