namespace BlueLamp.Core.Contact;

/// <summary>Something every desk screen of a force should see at once.</summary>
public sealed record DeskEvent(Guid ForceId, Guid ConversationId, DeskEventKind Kind, Guid? MessageId = null);

/// <summary>What happened to a conversation.</summary>
public enum DeskEventKind
{
    MessageReceived = 1,
    ReplySent = 2,
    AssignmentChanged = 3,
    Assessed = 4,
    Closed = 5,
    NoteAdded = 6,

    /// <summary>A conversation was newly assessed life at risk: every desk screen raises the alarm.</summary>
    LifeAtRisk = 7,
    HandoverOpened = 8,
    HandoverAcknowledged = 9,

    /// <summary>A handover waited past the force's limit unacknowledged: supervisors are alerted.</summary>
    HandoverEscalated = 10,
    SlaBreached = 11,

    /// <summary>
    /// Events from other nodes may have been missed (the connection that brings them was lost and is back): every
    /// screen reloads what it shows. <see cref="DeskEvent.ConversationId"/> is empty.
    /// </summary>
    Resync = 12,

    /// <summary>A handover was delivered to command and control, or an attempt failed: the control room screen shows which.</summary>
    HandoverDispatched = 13,

    /// <summary>The desk stood a handover down (or the control room confirmed that): the control room screen shows it.</summary>
    HandoverStoodDown = 14,

    /// <summary>A private message waited past the force's first-look limit without an operator opening it.</summary>
    FirstLookBreached = 15,

    /// <summary>An operator opened a private conversation whose message waited for its first look: its deadline is the grade's again.</summary>
    FirstLookTaken = 16,
}
