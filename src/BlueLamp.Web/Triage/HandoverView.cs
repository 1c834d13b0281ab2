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
    string? IncidentNumber,
    string? CommandAndControlIncident,
    CommandAndControlDelivery? CommandAndControl);

/// <summary>Where sending a handover to command and control stands: delivered, or the attempts, the last error and the next try.</summary>
public sealed record CommandAndControlDelivery(DateTimeOffset QueuedAt, DateTimeOffset? DeliveredAt, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, bool GaveUp)
{
    public bool Failing => DeliveredAt is null && LastError is not null;
}
