namespace BlueLamp.Core.Contact;

/// <summary>Whether a conversation is private or happens in public.</summary>
public enum ConversationKind
{
    DirectMessage = 1,
    CommentThread = 2,
    Mention = 3,
}
