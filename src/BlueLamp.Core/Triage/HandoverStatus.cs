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

    /// <summary>
    /// The desk overturned the alarm and no longer judges it grade 1 or life at risk, so it stood the handover down with
    /// its reason: it no longer escalates. The control room owns its side: it may still keep it (acknowledge it with an
    /// incident number) or confirm the stand-down. A new alarm on the conversation re-opens it.
    /// </summary>
    StoodDown = 4,
}
