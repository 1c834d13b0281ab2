using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The desk's side of replying through a platform: checks the platform's rules before anything is stored (length as
/// the platform counts it, Meta's messaging window, an account that needs reconnecting), queues the reply in the
/// outbox in the same transaction as the reply, and lets an operator send a failed reply again (audited).
/// </summary>
public sealed class OutboundReplies(BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, OutboundSignal signal, PrivateReplyRules privateReplies, TimeProvider time)
{
    /// <summary>
    /// Checks a reply against the platform's rules before it is stored. <paramref name="privately"/> is a private reply to
    /// the author of a public comment or mention: limited as a direct message is, and refused where the platform cannot send one.
    /// </summary>
    public async Task<ReplyPreparation> PrepareAsync(BlueLampDb db, Conversation conversation, string text, DateTimeOffset now, bool privately = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        var platform = await db.Accounts.Where(a => a.Id == conversation.AccountId).Select(a => a.Platform).SingleAsync(cancellationToken);
        if (privately && await privateReplies.WhyNotAsync(db, conversation, platform, now, cancellationToken) is { } noPrivateReply)
            return ReplyPreparation.Refused(noPrivateReply);
        if (platform == Platform.WebChat)
            return new ReplyPreparation(DeliveryState.Sent, Queue: false);
        if (ReplyLimits.Check(platform, privately ? ConversationKind.DirectMessage : conversation.Kind, text) is { Fits: false } length)
            return ReplyPreparation.Refused(length.Reason!);
        var connection = await db.AccountConnections.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == conversation.AccountId, cancellationToken);
        if (connection is null)
            return ReplyPreparation.Refused($"This {platform} account is not connected to BlueLamp, so nothing can be sent from it. Ask an administrator to connect it.");
        if (connection.NeedsReconnect)
            return ReplyPreparation.Refused($"{platform} refused this account's credentials ({connection.Problem}). An administrator must reconnect it before replies can be sent.");
        if (platform is Platform.Facebook or Platform.Instagram && conversation.Kind == ConversationKind.DirectMessage
            && MessagingWindow.ForReply(conversation.LastInboundAt, now) is { Allowed: false } window)
            return ReplyPreparation.Refused(window.Reason!);
        return new ReplyPreparation(DeliveryState.Pending, Queue: true);
    }

    /// <summary>Adds the reply to the outbox, in the same unit of work as the reply itself.</summary>
    public void Enqueue(BlueLampDb db, Message reply)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reply);
        db.OutboundDeliveries.Add(OutboundDelivery.For(reply));
    }

    public void Nudge() => signal.Nudge();

    /// <summary>Sends a failed reply again, on an operator's word.</summary>
    public async Task<DeskResult> RetryAsync(DeskUser user, Guid conversationId, Guid messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId && m.ConversationId == conversationId, cancellationToken);
        if (message is null)
            return DeskResult.Missing();
        if (message.Direction != MessageDirection.Outbound || message.DeliveryState != DeliveryState.Failed)
            return DeskResult.Refused("Only a reply that failed can be sent again.");
        var delivery = await db.OutboundDeliveries.SingleOrDefaultAsync(d => d.MessageId == messageId, cancellationToken);
        if (delivery is null)
            return DeskResult.Refused("This reply was never queued for a platform.");
        var now = time.GetUtcNow();
        message.RetryDelivery();
        delivery.Requeue(now);
        await audit.SaveWithAuditAsync(db, new AuditEntry(ChannelAuditActions.ReplyRetried, user.UserId, user.DisplayName, "conversation",
            conversationId.ToString("D"), $"message {messageId:D}"), cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.ReplySent, messageId), cancellationToken);
        signal.Nudge();
        return DeskResult.Done(messageId);
    }
}
