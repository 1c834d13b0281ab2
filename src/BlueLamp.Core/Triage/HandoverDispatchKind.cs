namespace BlueLamp.Core.Triage;

/// <summary>What a message in the command-and-control outbox tells the force's system about a handover.</summary>
public enum HandoverDispatchKind
{
    /// <summary>The handover itself, with everything the call handler needs (<c>bluelamp.handover.v1</c>).</summary>
    Handover = 0,

    /// <summary>The desk stood the handover down, with the operator's reason (<c>bluelamp.handover-update.v1</c>, <c>stood_down</c>).</summary>
    StandDown = 1,

    /// <summary>A new alarm re-opened a stood-down handover (<c>bluelamp.handover-update.v1</c>, <c>reopened</c>).</summary>
    Reopened = 2,
}
