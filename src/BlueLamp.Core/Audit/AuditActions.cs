namespace BlueLamp.Core.Audit;

/// <summary>The names of audited actions, as they appear in the trail and its exports.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked_out";
    public const string Logout = "logout";
    public const string TwoFactorEnabled = "two_factor.enabled";
    public const string TwoFactorDisabled = "two_factor.disabled";
    public const string ConversationOpened = "conversation.opened";
    public const string ConversationReplied = "conversation.replied";
    public const string ConversationClaimed = "conversation.claimed";
    public const string ConversationReleased = "conversation.released";
    public const string ConversationReassigned = "conversation.reassigned";
    public const string ConversationAssessed = "conversation.assessed";
    public const string ConversationNoteAdded = "conversation.note_added";
    public const string ConversationReferenceLinked = "conversation.reference_linked";
    public const string ConversationClosed = "conversation.closed";
    public const string ConversationMarkedLifeAtRisk = "conversation.marked_life_at_risk";
    public const string HoldingReplySent = "conversation.holding_reply_sent";
    public const string PersonLinked = "person.linked";
    public const string HandoverOpened = "handover.opened";
    public const string HandoverViewed = "handover.viewed";
    public const string HandoverAcknowledged = "handover.acknowledged";
    public const string HandoverEscalated = "handover.escalated";
    public const string SlaBreached = "conversation.sla_breached";
    public const string QueueViewed = "queue.viewed";
    public const string AuditViewed = "audit.viewed";
    public const string AuditVerified = "audit.verified";
    public const string AuditExported = "audit.exported";
    public const string UserCreated = "user.created";
    public const string ForceCreated = "force.created";
}
