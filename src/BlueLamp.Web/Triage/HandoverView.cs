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
    CommandAndControlDelivery? CommandAndControl,
    HandoverStandDownView? StandDown = null,
    DateTimeOffset? ReopenedAt = null)
{
    /// <summary>Still wants someone in the control room: waiting, escalated, or stood down by the desk and not yet kept or let go.</summary>
    public bool NeedsControlRoom => Status is HandoverStatus.Open or HandoverStatus.Escalated
        || (Status == HandoverStatus.StoodDown && StandDown?.ConfirmedAt is null);
}

/// <summary>
/// The desk's stand-down of a handover as the control room reads it: who, when, why; whether command and control has
/// been told (null when it never had the handover); and whether a call handler confirmed it. On an acknowledged handover
/// it records that the control room kept it after the stand-down.
/// </summary>
public sealed record HandoverStandDownView(DateTimeOffset At, string ByName, string Reason, DateTimeOffset? ConfirmedAt, string? ConfirmedByName,
    CommandAndControlDelivery? CommandAndControl);

/// <summary>Where sending a handover to command and control stands: delivered, or the attempts, the last error and the next try.</summary>
public sealed record CommandAndControlDelivery(DateTimeOffset QueuedAt, DateTimeOffset? DeliveredAt, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, bool GaveUp)
{
    public bool Failing => DeliveredAt is null && LastError is not null;
}
