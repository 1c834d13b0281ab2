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
    public const string QueueViewed = "queue.viewed";
    public const string AuditViewed = "audit.viewed";
    public const string AuditVerified = "audit.verified";
    public const string AuditExported = "audit.exported";
    public const string UserCreated = "user.created";
    public const string ForceCreated = "force.created";
}
