using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Whether a public comment or mention can be answered privately, and if not why, before anything is stored:
/// Meta allows one private reply per comment within 7 days of it; X sends a direct message to the author (delivered
/// only if they accept messages from the account); Bluesky opens a chat only where the person's chat setting lets the
/// account in, which is asked of Bluesky at the time.
/// </summary>
public sealed class PrivateReplyRules(ConnectedAccounts accounts, BlueskyClient bluesky)
{
    /// <summary>The reason a private reply cannot be sent now, or null when it can.</summary>
    public async Task<string?> WhyNotAsync(BlueLampDb db, Conversation conversation, Platform platform, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Kind == ConversationKind.DirectMessage || platform == Platform.WebChat)
            return "This conversation is private already: reply in it.";
        var answered = await ReplyDelivery.AnsweredEventAsync(db, conversation.Id, conversation.AccountId, cancellationToken);
        if (answered is null)
            return "There is no comment from the person on the platform to answer privately.";
        switch (platform)
        {
            case Platform.Facebook or Platform.Instagram:
                if (MessagingWindow.ForPrivateReply(answered.SentAt, now) is { Allowed: false } window)
                    return window.Reason;
                var alreadyAnswered = await db.Messages.AnyAsync(m => m.ConversationId == conversation.Id && m.SentPrivately
                    && m.DeliveryState != DeliveryState.Failed && m.SentAt >= answered.SentAt, cancellationToken);
                return alreadyAnswered
                    ? $"{platform} allows one private reply to each comment, and this comment has one already. Reply publicly, or answer in the private conversation when the person writes there."
                    : null;
            case Platform.Bluesky:
                if (await accounts.GetAsync(conversation.AccountId, cancellationToken) is not { } account)
                    return "This Bluesky account is not connected to BlueLamp, so nothing can be sent from it.";
                var (canChat, failure) = await bluesky.CanChatAsync(account.Bluesky(), answered.SenderId, cancellationToken);
                if (failure is not null)
                    return $"Bluesky could not say whether this person takes chat messages ({failure.Error}). Try again, or reply publicly.";
                return canChat ? null
                    : "This person's Bluesky chat setting does not let the account message them (they take chats from nobody, or only from people they follow). Reply publicly instead.";
            default:
                return null;
        }
    }
}
