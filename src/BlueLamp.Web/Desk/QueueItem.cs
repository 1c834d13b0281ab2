using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Desk;

/// <summary>One line of the desk queue.</summary>
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
    DateTimeOffset? ReviewDueAt = null);
