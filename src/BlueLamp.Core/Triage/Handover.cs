using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// A life-at-risk conversation handed to the control room, with everything the call handler needs, tracked
/// until a call handler acknowledges it and records the incident number. Every step keeps its time, so
/// time-to-handover and time-to-acknowledge can be reported.
/// </summary>
public sealed class Handover : IForceOwned
{
    public const int MaxSummaryLength = 8000;

    public const int MaxStandDownReasonLength = 2000;

    private Handover() { Reason = ""; Summary = ""; OpenedByName = ""; }

    public Handover(Guid id, Guid forceId, Guid conversationId, string reason, string summary, string openedByName, DateTimeOffset openedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        Id = id;
        ForceId = forceId;
        ConversationId = conversationId;
        Reason = reason;
        Summary = summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary;
        OpenedByName = openedByName;
        OpenedAt = openedAt;
        Status = HandoverStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid ConversationId { get; private set; }

    /// <summary>Why it was handed over, e.g. "life at risk (automatic assessment)".</summary>
    public string Reason { get; private set; }

    /// <summary>Who, where, what was said, platform identifiers and the assessment, as the call handler reads it.</summary>
    public string Summary { get; private set; }

    public string OpenedByName { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public HandoverStatus Status { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedByUserId { get; private set; }

    public string? AcknowledgedByName { get; private set; }

    public string? IncidentNumber { get; private set; }

    /// <summary>
    /// The incident number the force's command-and-control system answered the sent handover with, as given. It becomes
    /// <see cref="IncidentNumber"/> unless a call handler recorded one first; it does not acknowledge the handover.
    /// </summary>
    public string? CommandAndControlIncident { get; private set; }

    public DateTimeOffset? CommandAndControlIncidentAt { get; private set; }

    /// <summary>When the desk stood it down (its alarm overturned, no longer grade 1 or life at risk); null unless it was.</summary>
    public DateTimeOffset? StoodDownAt { get; private set; }

    public string? StoodDownByUserId { get; private set; }

    public string? StoodDownByName { get; private set; }

    /// <summary>The operator's reason for overturning the alarm, as the control room reads it.</summary>
    public string? StandDownReason { get; private set; }

    /// <summary>When a call handler confirmed the stand-down: the control room has let it go.</summary>
    public DateTimeOffset? StandDownConfirmedAt { get; private set; }

    public string? StandDownConfirmedByName { get; private set; }

    /// <summary>When a new alarm re-opened it after a stand-down; the acknowledgement limit runs again from then.</summary>
    public DateTimeOffset? ReopenedAt { get; private set; }

    /// <summary>Since when the control room has been asked to take it: the last re-opening, or the opening.</summary>
    public DateTimeOffset WaitingSince => ReopenedAt ?? OpenedAt;

    public bool IsAcknowledged => Status == HandoverStatus.Acknowledged;

    /// <summary>Whether it has waited past the force's limit without acknowledgement and not yet been escalated.</summary>
    public bool IsDueForEscalation(DateTimeOffset now, TimeSpan limit) => Status == HandoverStatus.Open && now - WaitingSince >= limit;

    /// <summary>
    /// The desk stands the handover down: an operator overturned the alarm and the conversation no longer needs the
    /// control room. It stops escalating; the control room may still keep it. Refused once acknowledged: the control
    /// room has it, and only it lets a job go.
    /// </summary>
    public void StandDown(string userId, string name, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status == HandoverStatus.Acknowledged)
            throw new InvalidOperationException("The control room has acknowledged this handover; the desk cannot stand it down.");
        if (Status == HandoverStatus.StoodDown)
            throw new InvalidOperationException("This handover is already stood down.");
        var trimmed = reason.Trim();
        Status = HandoverStatus.StoodDown;
        StoodDownAt = at;
        StoodDownByUserId = userId;
        StoodDownByName = name;
        StandDownReason = trimmed.Length > MaxStandDownReasonLength ? trimmed[..MaxStandDownReasonLength] : trimmed;
        StandDownConfirmedAt = null;
        StandDownConfirmedByName = null;
    }

    /// <summary>
    /// A new alarm on a stood-down handover's conversation: it is the control room's again, with the summary as it is
    /// now, and its acknowledgement limit runs from now. The stand-down it replaces stays in the audit trail.
    /// </summary>
    public void Reopen(string reason, string summary, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        if (Status != HandoverStatus.StoodDown)
            throw new InvalidOperationException("Only a stood-down handover is re-opened.");
        Status = HandoverStatus.Open;
        Reason = reason;
        Summary = summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary;
        ReopenedAt = at;
        EscalatedAt = null;
        StoodDownAt = null;
        StoodDownByUserId = null;
        StoodDownByName = null;
        StandDownReason = null;
        StandDownConfirmedAt = null;
        StandDownConfirmedByName = null;
    }

    public void Escalate(DateTimeOffset at)
    {
        if (Status != HandoverStatus.Open)
            throw new InvalidOperationException("Only an open, unacknowledged handover escalates.");
        Status = HandoverStatus.Escalated;
        EscalatedAt = at;
    }

    /// <summary>
    /// A call handler takes the handover and records the incident number (checked by the caller against the force's
    /// format). The number may be left out when command and control has already given one: a human still takes it.
    /// A stood-down handover may still be taken: the control room keeps it (its stand-down stays on record).
    /// </summary>
    public void Acknowledge(string userId, string name, string? incidentNumber, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(incidentNumber) && IncidentNumber is null && CommandAndControlIncident is null)
            throw new ArgumentException("An incident number is needed: command and control has not given one.", nameof(incidentNumber));
        if (Status == HandoverStatus.Acknowledged)
            throw new InvalidOperationException("This handover has already been acknowledged.");
        Status = HandoverStatus.Acknowledged;
        AcknowledgedAt = at;
        AcknowledgedByUserId = userId;
        AcknowledgedByName = name;
        if (!string.IsNullOrWhiteSpace(incidentNumber))
            IncidentNumber = incidentNumber.Trim().ToUpperInvariant();
        else
            IncidentNumber ??= CommandAndControlIncident;
    }

    /// <summary>
    /// Keeps the incident number command and control answered the sent handover with. It does not acknowledge the
    /// handover; the store then makes it the incident number unless a call handler has recorded one.
    /// </summary>
    public void RecordCommandAndControlIncident(string incidentNumber, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentNumber);
        CommandAndControlIncident = incidentNumber.Trim();
        CommandAndControlIncidentAt = at;
    }
}
