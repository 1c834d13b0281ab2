using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Desk;

/// <summary>
/// One line of the desk queue. <see cref="FirstLookDueAt"/> is set while a private message waits for an operator to open
/// the conversation (<see cref="FirstLookPolicy"/>), from <see cref="FirstLookWaitingSince"/> and the force's limit.
/// </summary>
public sealed record QueueItem(
    Guid ConversationId,
    Platform Platform,
    string AccountName,
    string PersonName,
    string Preview,
    Grade? Grade,
    ConversationStatus Status,
    bool AwaitingReply,
    DateTimeOffset? LastInboundAt,
    DateTimeOffset LastMessageAt,
    string? AssignedToUserId = null,
    string? AssignedToName = null,
    bool LifeAtRisk = false,
    DateTimeOffset? SlaDueAt = null,
    DateTimeOffset? BreachedDueAt = null,
    string? CategoryCode = null,
    Grade? EngineGrade = null,
    Guid? ClusterId = null,
    DateTimeOffset? ReviewDueAt = null,
    DateTimeOffset? FirstLookWaitingSince = null,
    DateTimeOffset? FirstLookDueAt = null)
{
    /// <summary>The deadline the desk works to: the grade's while a reply is awaited, or the first look's when that is earlier.</summary>
    public DateTimeOffset? DueAt => FirstLookPolicy.Earlier(BreachedDueAt ?? SlaDueAt, FirstLookDueAt);

    /// <summary>The first look, not the grade, sets the deadline: the line says "first look due".</summary>
    public bool FirstLookFirst => FirstLookDueAt is { } look && DueAt == look;

    /// <summary>Still needs the desk: a reply awaited, or a first look.</summary>
    public bool NeedsAttention => AwaitingReply || FirstLookDueAt is not null;
}
