using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Common;

/// <summary>
/// One inbound event from a platform, normalised but with everything the platform told us kept: who wrote it, where,
/// what it answers, and the raw JSON fragment it came in (for disclosure). The web layer stores it, deduplicates it by
/// <see cref="PlatformMessageId"/> and hands <see cref="ToInboundMessage"/> to the desk.
/// </summary>
/// <param name="Platform">The platform it came from.</param>
/// <param name="AccountPlatformId">Our own account's id on the platform (page id, Instagram account id, X user id, Bluesky DID): the web layer maps it to an Account.</param>
/// <param name="Kind">Direct message, comment thread or mention.</param>
/// <param name="ThreadKey">Stable key of the conversation on that account; the same for webhook delivery, polling and reconciliation.</param>
/// <param name="SenderId">The person's id as the platform scopes it (PSID, IGSID, X user id, DID).</param>
/// <param name="SenderName">Display name where the platform gives one.</param>
/// <param name="SenderHandle">Username or handle where the platform gives one.</param>
/// <param name="SenderProfileUrl">A link to the person's public profile where one can be built.</param>
/// <param name="PlatformMessageId">The platform's own id of the message, comment or post: the deduplication key.</param>
/// <param name="Text">The text as written; empty when only attachments were sent or the item was removed.</param>
/// <param name="SentAt">The platform's time for the event, used to show events in platform order.</param>
/// <param name="Verb">Created, edited or removed.</param>
/// <param name="ParentPost">The post a comment, reply or mention sits under, where there is one.</param>
/// <param name="ParentCommentId">The comment (or post, for X and Bluesky) this one directly answers, when it is a reply.</param>
/// <param name="ThreadRoot">The root post of the thread (Bluesky replies must cite it).</param>
/// <param name="ContentCid">The platform's content hash of this item, where replies must cite it (Bluesky).</param>
/// <param name="Link">A public link to the message, where the platform has one.</param>
/// <param name="Attachments">Files, images or links that came with it.</param>
/// <param name="RawPayload">The JSON fragment of this event exactly as received.</param>
public sealed record ChannelEvent(
    Platform Platform,
    string AccountPlatformId,
    ConversationKind Kind,
    string ThreadKey,
    string SenderId,
    string? SenderName,
    string? SenderHandle,
    string? SenderProfileUrl,
    string PlatformMessageId,
    string Text,
    DateTimeOffset SentAt,
    ChannelEventVerb Verb,
    PostReference? ParentPost,
    string? ParentCommentId,
    PostReference? ThreadRoot,
    string? ContentCid,
    string? Link,
    IReadOnlyList<ChannelAttachment> Attachments,
    string RawPayload)
{
    /// <summary>
    /// The message as Core's intake wants it, for the account the web layer resolved <see cref="AccountPlatformId"/> to.
    /// A message with attachments but no text gets a short summary so the desk never shows an empty bubble.
    /// </summary>
    public InboundMessage ToInboundMessage(Guid accountId) => new(
        accountId,
        Platform,
        Kind,
        ThreadKey,
        SenderId,
        SenderName ?? SenderHandle,
        PlatformMessageId,
        TextForDesk(),
        SentAt);

    private string TextForDesk()
    {
        if (Verb == ChannelEventVerb.Removed)
            return "[removed by the sender]";
        if (Text.Length > 0 || Attachments.Count == 0)
            return Text;
        return "[" + string.Join(", ", Attachments.Select(a => a.Kind)) + " attachment" + (Attachments.Count > 1 ? "s" : "") + "]";
    }
}
