namespace BlueLamp.Core.Triage;

/// <summary>Where a control-room handover stands.</summary>
public enum HandoverStatus
{
    /// <summary>Sent to the control room, not yet acknowledged.</summary>
    Open = 1,

    /// <summary>Not acknowledged within the force's limit: supervisors have been alerted.</summary>
    Escalated = 2,

    /// <summary>A call handler has it and has recorded the incident number.</summary>
    Acknowledged = 3,
}
