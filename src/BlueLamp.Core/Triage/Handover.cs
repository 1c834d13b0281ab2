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

    public bool IsAcknowledged => Status == HandoverStatus.Acknowledged;

    /// <summary>Whether it has waited past the force's limit without acknowledgement and not yet been escalated.</summary>
    public bool IsDueForEscalation(DateTimeOffset now, TimeSpan limit) => Status == HandoverStatus.Open && now - OpenedAt >= limit;

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
