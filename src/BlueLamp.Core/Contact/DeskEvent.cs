namespace BlueLamp.Core.Contact;

/// <summary>Something every desk screen of a force should see at once.</summary>
public sealed record DeskEvent(Guid ForceId, Guid ConversationId, DeskEventKind Kind, Guid? MessageId = null);

/// <summary>What happened to a conversation.</summary>
public enum DeskEventKind
{
    MessageReceived = 1,
    ReplySent = 2,
    AssignmentChanged = 3,
    Assessed = 4,
    Closed = 5,
    NoteAdded = 6,
}
