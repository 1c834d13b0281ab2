namespace BlueLamp.Web.Channels;

/// <summary>The audited actions of the platform channels, beside <see cref="Core.Audit.AuditActions"/>.</summary>
public static class ChannelAuditActions
{
    public const string AccountConnected = "account.connected";
    public const string AccountNeedsReconnect = "account.needs_reconnect";
    public const string ReplyDelivered = "conversation.reply_delivered";
    public const string ReplyFailed = "conversation.reply_failed";
    public const string ReplyRetried = "conversation.reply_retried";
}
