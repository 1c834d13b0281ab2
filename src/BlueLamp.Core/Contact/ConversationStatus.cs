namespace BlueLamp.Core.Contact;

/// <summary>Whether a conversation still needs the desk.</summary>
public enum ConversationStatus
{
    Open = 1,
    Closed = 2,
}
