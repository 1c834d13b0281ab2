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

    /// <summary>The category code of the latest assessment that set the grade (see <c>TriageCategoryCodes</c>).</summary>
    public string? CategoryCode { get; private set; }

    /// <summary>Someone's life may be at risk. Set by the engine or an operator; never cleared automatically.</summary>
    public bool LifeAtRisk { get; private set; }

    /// <summary>The engine's most urgent suggestion so far, kept beside an operator's grade so disagreements show.</summary>
    public Grade? EngineGrade { get; private set; }

    /// <summary>"cy" or "en": the language to answer in.</summary>
    public string? Language { get; private set; }

    /// <summary>When the public's oldest unanswered message must be answered by; null when nothing is waiting.</summary>
    public DateTimeOffset? SlaDueAt { get; private set; }

    /// <summary>When the conversation first went past its SLA; kept for reporting even after it is answered.</summary>
    public DateTimeOffset? SlaBreachedAt { get; private set; }

    public int SlaBreachCount { get; private set; }

    /// <summary>
    /// When the oldest message from the public that no operator has looked at since arrived, in a private conversation
    /// (see <see cref="FirstLookPolicy"/>); null when an operator has opened the conversation since, and always for
    /// public comments and mentions.
    /// </summary>
    public DateTimeOffset? FirstLookWaitingSince { get; private set; }

    /// <summary>When an operator last opened the conversation while a message was waiting for its first look.</summary>
    public DateTimeOffset? FirstLookedAt { get; private set; }

    /// <summary>When the waiting first look went past the force's limit; null once an operator has looked.</summary>
    public DateTimeOffset? FirstLookBreachedAt { get; private set; }

    /// <summary>How many first looks this conversation has missed, kept for reporting (apart from SLA breaches).</summary>
    public int FirstLookBreachCount { get; private set; }

    /// <summary>When an operator must have looked at what is waiting; null when nothing is.</summary>
    public DateTimeOffset? FirstLookDueAt(FirstLookPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.DueAt(FirstLookWaitingSince);
    }

    /// <summary>
    /// The deadline the desk works to: the grade's (or the one already missed; both only while a reply is awaited), brought forward
    /// to the first look's when that is earlier. Never later than the grade's deadline.
    /// </summary>
    public DateTimeOffset? DueAt(FirstLookPolicy policy) =>
        FirstLookPolicy.Earlier(BreachedDueAt ?? SlaDueAt, FirstLookDueAt(policy));

    /// <summary>
    /// An operator opened the conversation: what was waiting has had its first look, and the deadline is the grade's
    /// again. False when nothing was waiting.
    /// </summary>
    public bool RecordFirstLook(DateTimeOffset at)
    {
        if (FirstLookWaitingSince is null)
            return false;
        FirstLookWaitingSince = null;
        FirstLookBreachedAt = null;
        FirstLookedAt = at;
        Version++;
        return true;
    }

    /// <summary>Records that the waiting first look went past the limit (once per first look); false otherwise.</summary>
    public bool RecordFirstLookBreach(FirstLookPolicy policy, DateTimeOffset now)
    {
        if (Status != ConversationStatus.Open || FirstLookBreachedAt is not null || FirstLookDueAt(policy) is not { } due || due > now)
            return false;
        FirstLookBreachedAt = now;
        FirstLookBreachCount++;
        Version++;
        return true;
    }

    /// <summary>When the automatic "if you are in danger now, call 999" reply went out; it goes out once.</summary>
    public DateTimeOffset? HoldingReplySentAt { get; private set; }

    /// <summary>When the last out-of-hours automatic reply went out; one per unmonitored stretch is enough.</summary>
    public DateTimeOffset? OutOfHoursReplySentAt { get; private set; }

    /// <summary>Records an out-of-hours reply unless one went out in the last twelve hours.</summary>
    public bool RecordOutOfHoursReply(DateTimeOffset at)
    {
        if (OutOfHoursReplySentAt is { } last && at - last < TimeSpan.FromHours(12))
            return false;
        OutOfHoursReplySentAt = at;
        Version++;
        return true;
    }

    /// <summary>The control-room handover of this conversation, once there is one.</summary>
    public Guid? HandoverId { get; private set; }

    public DateTimeOffset? HandoverAcknowledgedAt { get; private set; }

    /// <summary>Grade 1 or life at risk: the control room must acknowledge a handover before the desk may close it.</summary>
    public bool NeedsControlRoom => LifeAtRisk || Grade == Triage.Grade.Emergency;

    /// <summary>The surge this conversation is part of, if many people are reporting the same thing.</summary>
    public Guid? ClusterId { get; private set; }

    public void JoinCluster(Guid clusterId)
    {
        ClusterId ??= clusterId;
        Version++;
    }

    /// <summary>The force's own post (an appeal, an incident update) this conversation responds to, when known.</summary>
    public Guid? RespondsToPostId { get; private set; }

    public PostLinkSource? RespondsToSource { get; private set; }

    public DateTimeOffset? RespondsToLinkedAt { get; private set; }

    /// <summary>Who linked it: the system for comments and shared links, the operator for a link made by hand.</summary>
    public string? RespondsToLinkedByName { get; private set; }

    /// <summary>
    /// Links the conversation to one of our posts. An automatic link (a comment, a shared link) never replaces an
    /// existing one; an operator's link does. True when the link changed.
    /// </summary>
    public bool RespondTo(Guid postId, PostLinkSource source, string linkedByName, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkedByName);
        if (RespondsToPostId == postId || (RespondsToPostId is not null && source != PostLinkSource.Operator))
            return false;
        RespondsToPostId = postId;
        RespondsToSource = source;
        RespondsToLinkedAt = at;
        RespondsToLinkedByName = linkedByName;
        Version++;
        return true;
    }

    /// <summary>An operator found the link wrong: the conversation no longer counts as a response to that post.</summary>
    public bool RemovePostLink()
    {
        if (RespondsToPostId is null)
            return false;
        RespondsToPostId = null;
        RespondsToSource = null;
        RespondsToLinkedAt = null;
        RespondsToLinkedByName = null;
        Version++;
        return true;
    }

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
        if (!AwaitingReply)
            UnansweredSince = message.RecordedAt;
        AwaitingReply = true;
        // The oldest message not yet looked at sets the first look: a later one never moves it later.
        if (FirstLookPolicy.AppliesTo(Kind))
            FirstLookWaitingSince ??= message.RecordedAt;
        Version++;
    }

    /// <summary>Writes the force's answer; the message still has to be delivered by its channel.</summary>
    public Message Reply(Guid messageId, string text, DateTimeOffset at, string authorUserId, string authorName, DeliveryState deliveryState, bool privately = false)
    {
        if (Status != ConversationStatus.Open)
            throw new InvalidOperationException("A closed conversation cannot be answered.");
        if (privately && Kind == ConversationKind.DirectMessage)
            throw new InvalidOperationException("A private conversation is answered privately already.");
        var reply = Message.Outbound(messageId, ForceId, Id, AccountId, text, at, authorUserId, authorName, deliveryState, privately);
        if (at > LastMessageAt)
            LastMessageAt = at;
        AwaitingReply = false;
        UnansweredSince = null;
        SlaDueAt = null;
        BreachedDueAt = null;
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

    /// <summary>When the operator's assessment is due for review if the conversation is still open; null when never.</summary>
    public DateTimeOffset? ReviewDueAt { get; private set; }

    /// <summary>Records an operator's THRIVE assessment and the grade they set; the deadline and the review time follow the new grade.</summary>
    public void Assess(ThriveAssessment assessment, SlaPolicy policy, ReassessmentPolicy reassessment)
    {
        ArgumentNullException.ThrowIfNull(reassessment);
        Assess(assessment, policy);
        ReviewDueAt = reassessment.ReviewDue(assessment.Grade, assessment.AssessedAt);
    }

    /// <summary>Records an operator's THRIVE assessment and the grade they set; the deadline follows the new grade.</summary>
    public void Assess(ThriveAssessment assessment, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(policy);
        if (assessment.ConversationId != Id)
            throw new ArgumentException("The assessment belongs to another conversation.", nameof(assessment));
        Grade = assessment.Grade;
        GradeSource = Contact.GradeSource.Operator;
        AssessedAt = assessment.AssessedAt;
        if (AwaitingReply)
            SlaDueAt = policy.DeadlineFor(assessment.Grade, UnansweredSince ?? assessment.AssessedAt);
        Version++;
    }

    /// <summary>
    /// Takes in the engine's assessment of a new message. It only ever raises: a more urgent grade replaces a less
    /// urgent one (also an operator's), life at risk is never cleared, and an earlier deadline is never moved later.
    /// Returns true when this assessment newly puts a life at risk.
    /// </summary>
    public bool ApplyAutomaticAssessment(RiskAssessment assessment, SlaPolicy policy, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(policy);
        if (assessment.ConversationId != Id)
            throw new ArgumentException("The assessment belongs to another conversation.", nameof(assessment));
        var newlyAtRisk = assessment.LifeAtRisk && !LifeAtRisk;
        LifeAtRisk |= assessment.LifeAtRisk;
        if (EngineGrade is null || assessment.Grade < EngineGrade)
            EngineGrade = assessment.Grade;
        if (Grade is null || assessment.Grade < Grade)
        {
            Grade = assessment.Grade;
            GradeSource = Contact.GradeSource.Engine;
            CategoryCode = assessment.CategoryCode;
        }
        CategoryCode ??= assessment.CategoryCode;
        if (Language is null || assessment.Language == "cy")
            Language = assessment.Language;
        if (AwaitingReply && Grade is { } grade)
        {
            var due = policy.DeadlineFor(grade, UnansweredSince ?? receivedAt, Language ?? "en");
            if (SlaDueAt is null || due < SlaDueAt)
                SlaDueAt = due;
        }
        Version++;
        return newlyAtRisk;
    }

    /// <summary>An operator judges that someone's life is at risk (the engine may have missed it).</summary>
    public bool MarkLifeAtRisk()
    {
        if (LifeAtRisk)
            return false;
        LifeAtRisk = true;
        Version++;
        return true;
    }

    /// <summary>
    /// An operator judges, in a THRIVE assessment with its rationale, that no life is at risk after all (overturning the
    /// alarm). Only a person does this: nothing automatic ever clears life at risk. A later message the engine reads as
    /// life at risk raises it again. False when it was not life at risk.
    /// </summary>
    public bool ClearLifeAtRisk()
    {
        if (!LifeAtRisk)
            return false;
        LifeAtRisk = false;
        Version++;
        return true;
    }

    /// <summary>Records that the holding reply went out; false when it already had (it is sent once).</summary>
    public bool RecordHoldingReply(DateTimeOffset at)
    {
        if (HoldingReplySentAt is not null)
            return false;
        HoldingReplySentAt = at;
        Version++;
        return true;
    }

    public void AttachHandover(Guid handoverId)
    {
        HandoverId ??= handoverId;
        Version++;
    }

    /// <summary>
    /// The desk stood the conversation's handover down: it no longer needs the control room, so it holds no live handover
    /// (a new alarm re-opens the same one). Refused while it still needs the control room or once the handover was acknowledged.
    /// </summary>
    public void StandDownHandover()
    {
        if (NeedsControlRoom)
            throw new InvalidOperationException("A grade 1 or life-at-risk conversation keeps its handover.");
        if (HandoverId is null || HandoverAcknowledgedAt is not null)
            throw new InvalidOperationException("Only an unacknowledged handover is stood down.");
        HandoverId = null;
        Version++;
    }

    public void RecordHandoverAcknowledged(DateTimeOffset at)
    {
        HandoverAcknowledgedAt ??= at;
        Version++;
    }

    /// <summary>Records a breach of the SLA (once per deadline missed); false when this deadline was already recorded.</summary>
    public bool RecordSlaBreach(DateTimeOffset now)
    {
        if (SlaDueAt is not { } due || due > now || !AwaitingReply || Status != ConversationStatus.Open)
            return false;
        SlaBreachedAt ??= now;
        SlaBreachCount++;
        // The same deadline is not counted twice; the next reply or message sets a new one.
        SlaDueAt = null;
        BreachedDueAt = due;
        Version++;
        return true;
    }

    /// <summary>The deadline that was missed most recently, shown on the desk as overdue.</summary>
    public DateTimeOffset? BreachedDueAt { get; private set; }

    /// <summary>When the public's oldest unanswered message arrived; null when everything is answered.</summary>
    public DateTimeOffset? UnansweredSince { get; private set; }

    /// <summary>Ends the conversation with an outcome. Refused, with a reason, when it may not close yet.</summary>
    public string? Close(Outcome outcome, string closedByName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Status != ConversationStatus.Open)
            return "This conversation is already closed.";
        if (AssessedAt is null || Grade is null)
            return "Record a THRIVE assessment and a grade before closing.";
        if (NeedsControlRoom && HandoverAcknowledgedAt is null)
            return "A grade 1 or life-at-risk conversation stays open until the control room has acknowledged the handover and recorded an incident number.";
        Status = ConversationStatus.Closed;
        OutcomeCode = outcome.Code;
        ReviewDueAt = null;
        AwaitingReply = false;
        UnansweredSince = null;
        SlaDueAt = null;
        BreachedDueAt = null;
        FirstLookWaitingSince = null;
        FirstLookBreachedAt = null;
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
