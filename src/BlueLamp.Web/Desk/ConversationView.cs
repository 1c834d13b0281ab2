using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Desk;

/// <summary>Everything the operator sees when a conversation is open.</summary>
public sealed record ConversationView(
    Guid ConversationId,
    Platform Platform,
    string AccountName,
    string PersonName,
    ConversationKind Kind,
    ConversationStatus Status,
    Grade? Grade,
    DateTimeOffset OpenedAt,
    IReadOnlyList<MessageView> Messages,
    string? AssignedToUserId = null,
    string? AssignedToName = null,
    string? OutcomeCode = null,
    IReadOnlyList<NoteView>? Notes = null,
    IReadOnlyList<ReferenceView>? References = null,
    IReadOnlyList<AssessmentView>? Assessments = null,
    IReadOnlyList<EarlierContact>? EarlierContacts = null,
    TriageView? Triage = null);

/// <summary>
/// The conversation's risk picture: the engine's latest assessment beside the desk's grade, the deadline, the first look
/// still due (a private message no operator has opened since it arrived) and the handover.
/// </summary>
public sealed record TriageView(
    bool LifeAtRisk,
    Grade? EngineGrade,
    GradeSource? GradeSource,
    string? CategoryCode,
    string? Language,
    DateTimeOffset? SlaDueAt,
    DateTimeOffset? SlaBreachedAt,
    DateTimeOffset? HoldingReplySentAt,
    AutomaticAssessmentView? Latest,
    HandoverStatus? HandoverStatus,
    string? IncidentNumber,
    HandoverStoodDownView? HandoverStoodDown = null,
    DateTimeOffset? FirstLookDueAt = null,
    DateTimeOffset? FirstLookedAt = null);

/// <summary>Who stood the conversation's handover down, when and why (shown while it stands, and after the control room kept it).</summary>
public sealed record HandoverStoodDownView(DateTimeOffset At, string ByName, string Reason);

/// <summary>The engine's assessment of the latest message from the public.</summary>
public sealed record AutomaticAssessmentView(Grade Grade, bool LifeAtRisk, string CategoryCode, double Score, PersonAtRisk PersonAtRisk,
    IReadOnlyList<StoredIndicator> Indicators, string EngineVersion, string IndicatorSetVersion, DateTimeOffset AssessedAt, string? LifeAtRiskModelVersion = null);

/// <summary>One message as the desk shows it.</summary>
public sealed record MessageView(
    Guid MessageId,
    MessageDirection Direction,
    string Text,
    DateTimeOffset SentAt,
    string? AuthorName,
    DeliveryState DeliveryState,
    IReadOnlyList<StoredIndicator>? Indicators = null,
    string? DeliveryError = null,
    DateTimeOffset? EditedAt = null,
    DateTimeOffset? RemovedAt = null,
    bool SentPrivately = false,
    DateTimeOffset? HiddenAt = null,
    string? HiddenReason = null,
    string? HiddenByName = null);

/// <summary>An internal note as the desk shows it.</summary>
public sealed record NoteView(string Text, string AuthorName, DateTimeOffset WrittenAt);

/// <summary>A linked crime, incident or intelligence number.</summary>
public sealed record ReferenceView(ReferenceKind Kind, string Value, string AddedByName, DateTimeOffset AddedAt);

/// <summary>A THRIVE assessment as the desk shows it.</summary>
public sealed record AssessmentView(
    Grade Grade, Grade? PreviousGrade, string Threat, string Harm, string Risk, string Investigation,
    string Vulnerability, string Engagement, string Rationale, string AssessedByName, DateTimeOffset AssessedAt);

/// <summary>Another conversation with the same person, shown before assessing.</summary>
public sealed record EarlierContact(Guid ConversationId, string AccountName, Platform Platform, DateTimeOffset LastMessageAt,
    ConversationStatus Status, string? OutcomeCode, string Preview);
