using BlueLamp.Core.Accounts;
using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Triage;

/// <summary>A handover as the control room sees it.</summary>
public sealed record HandoverView(
    Guid HandoverId,
    Guid ConversationId,
    string PersonName,
    Platform Platform,
    string AccountName,
    string Reason,
    string Summary,
    HandoverStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedByName,
    string? IncidentNumber);
