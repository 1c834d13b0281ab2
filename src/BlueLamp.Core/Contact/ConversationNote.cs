using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>An internal note on a conversation: seen by staff, never sent to the person.</summary>
public sealed class ConversationNote : IForceOwned
{
    public const int MaxLength = 4000;

    private ConversationNote() { Text = ""; AuthorUserId = ""; AuthorName = ""; }

    public ConversationNote(Guid id, Guid forceId, Guid conversationId, string text, string authorUserId, string authorName, DateTimeOffset writtenAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Trim().Length > MaxLength)
            throw new ArgumentException($"A note may hold at most {MaxLength} characters.", nameof(text));
        Id = id;
        ForceId = forceId;
        ConversationId = conversationId;
        Text = text.Trim();
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid ConversationId { get; private set; }

    public string Text { get; private set; }

    public string AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }
}
