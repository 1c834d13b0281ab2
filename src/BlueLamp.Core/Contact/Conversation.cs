using BlueLamp.Core.Forces;
using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Contact;

/// <summary>One thread with one person on one account: a DM thread or a comment thread under a post.</summary>
public sealed class Conversation : IForceOwned
{
    /// <summary>How much of the latest message the queue shows.</summary>
    public const int PreviewLength = 140;

    private Conversation() { Preview = ""; ThreadKey = ""; }

    public Conversation(Guid id, Guid forceId, Guid accountId, Guid personId, ConversationKind kind, string threadKey, DateTimeOffset openedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadKey);
        Id = id;
        ForceId = forceId;
        AccountId = accountId;
        PersonId = personId;
        Kind = kind;
        ThreadKey = threadKey;
        Status = ConversationStatus.Open;
        OpenedAt = openedAt;
        LastMessageAt = openedAt;
        Preview = "";
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid PersonId { get; private set; }

    public ConversationKind Kind { get; private set; }

    /// <summary>The platform's key for the thread on this account (a PSID for DMs, a post id for comments); unique per account.</summary>
    public string ThreadKey { get; private set; }

    public ConversationStatus Status { get; private set; }

    /// <summary>Null until the conversation has been assessed.</summary>
    public Grade? Grade { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    /// <summary>When the public last wrote; null when only the force has written.</summary>
    public DateTimeOffset? LastInboundAt { get; private set; }

    /// <summary>True when the public's latest message has not been answered yet.</summary>
    public bool AwaitingReply { get; private set; }

    public string Preview { get; private set; }

    /// <summary>Bumped on every change so two writers cannot silently overwrite each other.</summary>
    public int Version { get; private set; }

    /// <summary>Takes in a message from the public; a closed conversation opens again.</summary>
    public void Receive(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ConversationId != Id || message.Direction != MessageDirection.Inbound)
            throw new ArgumentException("Only an inbound message of this conversation can be received.", nameof(message));
        Status = ConversationStatus.Open;
        if (LastInboundAt is null || message.SentAt >= LastInboundAt)
        {
            LastInboundAt = message.SentAt;
            Preview = MakePreview(message.Text);
        }
        if (message.SentAt > LastMessageAt)
            LastMessageAt = message.SentAt;
        AwaitingReply = true;
        Version++;
    }

    /// <summary>Writes the force's answer; the message still has to be delivered by its channel.</summary>
    public Message Reply(Guid messageId, string text, DateTimeOffset at, string authorUserId, string authorName, DeliveryState deliveryState)
    {
        if (Status != ConversationStatus.Open)
            throw new InvalidOperationException("A closed conversation cannot be answered.");
        var reply = Message.Outbound(messageId, ForceId, Id, AccountId, text, at, authorUserId, authorName, deliveryState);
        if (at > LastMessageAt)
            LastMessageAt = at;
        AwaitingReply = false;
        Version++;
        return reply;
    }

    private static string MakePreview(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= PreviewLength ? oneLine : string.Concat(oneLine.AsSpan(0, PreviewLength - 1), "…");
    }
}
