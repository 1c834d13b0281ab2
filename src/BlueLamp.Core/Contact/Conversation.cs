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

    /// <summary>The operator holding the conversation; null while unassigned. Claimed atomically in the database.</summary>
    public string? AssignedToUserId { get; private set; }

    public string? AssignedToName { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>When an operator last recorded a THRIVE assessment; a conversation cannot close without one.</summary>
    public DateTimeOffset? AssessedAt { get; private set; }

    /// <summary>Where the grade came from: null (not graded), the engine, or an operator.</summary>
    public GradeSource? GradeSource { get; private set; }

    public string? OutcomeCode { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedByName { get; private set; }

    /// <summary>Takes in a message from the public; a closed conversation opens again.</summary>
    public void Receive(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ConversationId != Id || message.Direction != MessageDirection.Inbound)
            throw new ArgumentException("Only an inbound message of this conversation can be received.", nameof(message));
        if (Status == ConversationStatus.Closed)
        {
            // The person wrote again: the conversation is back on the desk, unassigned, awaiting a new outcome.
            Status = ConversationStatus.Open;
            OutcomeCode = null;
            ClosedAt = null;
            ClosedByName = null;
        }
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

    /// <summary>Gives the conversation to an operator (in memory; concurrent claims go through the database's conditional update).</summary>
    public void AssignTo(string userId, string displayName, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        AssignedToUserId = userId;
        AssignedToName = displayName;
        AssignedAt = at;
        Version++;
    }

    /// <summary>Records an operator's THRIVE assessment and the grade they set.</summary>
    public void Assess(ThriveAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.ConversationId != Id)
            throw new ArgumentException("The assessment belongs to another conversation.", nameof(assessment));
        Grade = assessment.Grade;
        GradeSource = Contact.GradeSource.Operator;
        AssessedAt = assessment.AssessedAt;
        Version++;
    }

    /// <summary>Ends the conversation with an outcome. Refused, with a reason, when it may not close yet.</summary>
    public string? Close(Outcome outcome, string closedByName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Status != ConversationStatus.Open)
            return "This conversation is already closed.";
        if (AssessedAt is null || Grade is null)
            return "Record a THRIVE assessment and a grade before closing.";
        Status = ConversationStatus.Closed;
        OutcomeCode = outcome.Code;
        ClosedAt = at;
        ClosedByName = closedByName;
        AssignedToUserId = null;
        AssignedToName = null;
        AssignedAt = null;
        Version++;
        return null;
    }

    private static string MakePreview(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= PreviewLength ? oneLine : string.Concat(oneLine.AsSpan(0, PreviewLength - 1), "…");
    }
}
