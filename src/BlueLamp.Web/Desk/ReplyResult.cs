namespace BlueLamp.Web.Desk;

/// <summary>The answer to "send this reply": sent, or why not, in words the operator can act on.</summary>
public sealed record ReplyResult(Guid? MessageId, string? Error, bool ConversationMissing = false)
{
    public bool Succeeded => Error is null;

    public static ReplyResult Sent(Guid messageId) => new(messageId, null);

    public static ReplyResult Refused(string error) => new(null, error);

    public static ReplyResult Missing() => new(null, "That conversation does not exist.", ConversationMissing: true);
}
