using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Sends one queued reply through the platform it answers, in the form that fits the conversation: Messenger and
/// Instagram direct messages (within Meta's window), public comment replies, X direct messages and reply posts,
/// Bluesky reply posts (citing root and parent) and Bluesky chat. The person's latest message is what is answered.
/// </summary>
public sealed class ReplyDelivery(MetaGraphClient meta, XApiClient x, BlueskyClient bluesky, ConnectedAccounts accounts, BlueLampDbFactory dbs, TimeProvider time)
{
    public async Task<SendResult> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var account = await accounts.GetAsync(delivery.AccountId, cancellationToken);
        if (account is null)
            return SendResult.Failed(PlatformFailure.Refused("The account is no longer connected to BlueLamp."));
        await using var db = dbs.ForForce(delivery.ForceId);
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == delivery.MessageId, cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == delivery.ConversationId, cancellationToken);
        var answered = await AnsweredEventAsync(db, conversation.Id, account.AccountId, cancellationToken);
        if (answered is null)
            return SendResult.Failed(PlatformFailure.Refused("There is no message from the person on the platform to answer."));
        var text = message.Text;
        if (message.SentPrivately)
            return await SendPrivatelyAsync(account, answered, text, cancellationToken);
        var direct = conversation.Kind == ConversationKind.DirectMessage;
        return (account.Platform, direct) switch
        {
            (Platform.Facebook or Platform.Instagram, true) => await meta.SendMessageAsync(account.Meta(), answered.SenderId, text,
                MessagingWindow.ForReply(conversation.LastInboundAt, time.GetUtcNow()), cancellationToken),
            (Platform.Facebook or Platform.Instagram, false) => await meta.ReplyToCommentAsync(account.Meta(), answered.PlatformMessageId, text, cancellationToken),
            (Platform.X, true) => await x.SendDirectMessageAsync(account.X(), answered.SenderId, text, cancellationToken),
            (Platform.X, false) => await x.PostReplyAsync(account.X(), text, answered.PlatformMessageId, cancellationToken),
            (Platform.Bluesky, true) => await bluesky.SendChatMessageAsync(account.Bluesky(), ConvoIdOf(conversation.ThreadKey), text, cancellationToken),
            (Platform.Bluesky, false) => await bluesky.CreatePostAsync(account.Bluesky(), text, BlueskyReplyTo.For(answered), ["en"], cancellationToken),
            _ => SendResult.Failed(PlatformFailure.Refused($"BlueLamp cannot send to {account.Platform}.")),
        };
    }

    /// <summary>
    /// A private reply to the author of a public comment or mention: Meta's Private Replies (the Send API addressed to
    /// the comment), an X direct message, a Bluesky chat message.
    /// </summary>
    private async Task<SendResult> SendPrivatelyAsync(ConnectedAccount account, ChannelEvent answered, string text, CancellationToken cancellationToken) => account.Platform switch
    {
        Platform.Facebook or Platform.Instagram => await meta.SendPrivateReplyAsync(account.Meta(), answered.PlatformMessageId, text,
            MessagingWindow.ForPrivateReply(answered.SentAt, time.GetUtcNow()), cancellationToken),
        Platform.X => await x.SendDirectMessageAsync(account.X(), answered.SenderId, text, cancellationToken),
        Platform.Bluesky => await bluesky.SendChatMessageToAsync(account.Bluesky(), answered.SenderId, text, cancellationToken),
        _ => SendResult.Failed(PlatformFailure.Refused($"{account.Platform} has no private replies.")),
    };

    /// <summary>The stored platform event of the person's latest message that is still there, with the ids a reply must cite.</summary>
    internal static async Task<ChannelEvent?> AnsweredEventAsync(BlueLampDb db, Guid conversationId, Guid accountId, CancellationToken cancellationToken)
    {
        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Inbound && m.RemovedAt == null)
            .OrderByDescending(m => m.SentAt)
            .Select(m => m.PlatformMessageId)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
            return null;
        var stored = await db.InboundEvents.AsNoTracking()
            .Where(e => e.AccountId == accountId && e.PlatformMessageId == latest)
            .OrderBy(e => e.ReceivedAt)
            .Select(e => new { e.Event, e.Payload })
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : ChannelEventJson.Read(stored.Event, stored.Payload);
    }

    private static string ConvoIdOf(string threadKey) =>
        threadKey.StartsWith("chat:", StringComparison.Ordinal) ? threadKey["chat:".Length..] : threadKey;
}
