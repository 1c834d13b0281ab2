namespace BlueLamp.Web.Channels;

/// <summary>The audited actions of the platform channels, beside <see cref="Core.Audit.AuditActions"/>.</summary>
public static class ChannelAuditActions
{
    public const string AccountRegistered = "account.registered";
    public const string AccountConnected = "account.connected";
    public const string AccountReconnected = "account.reconnected";
    public const string AccountRotaChanged = "account.rota_changed";
    public const string AccountRetired = "account.retired";
    public const string AccountRegisterViewed = "account.register_viewed";
    public const string AccountNeedsReconnect = "account.needs_reconnect";
    public const string ReplyDelivered = "conversation.reply_delivered";
    public const string ReplyFailed = "conversation.reply_failed";
    public const string ReplyRetried = "conversation.reply_retried";
}
