using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Hides a public comment that discloses personal data (someone's address, a victim's name) on the platform, with the
/// operator's reason, and shows it again. Facebook and Instagram hide a comment under the account's posts; X hides a
/// reply in a conversation the account started; Bluesky has no way to hide another person's post, so none is offered.
/// The platform is asked first; only when it agrees is the message marked hidden, with its audit entry.
/// </summary>
public sealed class CommentHiding(
    BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, ConnectedAccounts accounts, MetaGraphClient meta, XApiClient x,
    TimeProvider time, ILogger<CommentHiding> logger)
{
    /// <summary>Why a message on this platform and in this kind of conversation cannot be hidden, or null when it can.</summary>
    public static string? WhyNot(Platform platform, ConversationKind kind) => (platform, kind) switch
    {
        (_, ConversationKind.DirectMessage) or (Platform.WebChat, _) => "Only public comments can be hidden; this conversation is private.",
        (Platform.Bluesky, _) => "Bluesky has no way for an account to hide another person's post. Report it to Bluesky's moderation if it must come down.",
        _ => null,
    };

    public Task<DeskResult> HideAsync(DeskUser user, Guid conversationId, Guid messageId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, conversationId, messageId, reason, hide: true, cancellationToken);

    public Task<DeskResult> UnhideAsync(DeskUser user, Guid conversationId, Guid messageId, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, conversationId, messageId, null, hide: false, cancellationToken);

    private async Task<DeskResult> ChangeAsync(DeskUser user, Guid conversationId, Guid messageId, string? reason, bool hide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (hide && string.IsNullOrWhiteSpace(reason))
            return DeskResult.Refused("Say why the comment is hidden (for example, it gives someone's address); it is audited.", "reason");
        if (hide && reason!.Trim().Length > Message.MaxHiddenReasonLength)
            return DeskResult.Refused($"The reason can be at most {Message.MaxHiddenReasonLength} characters.", "reason");
        await using var db = dbs.ForForce(user.ForceId);
        var found = await (
                from m in db.Messages
                join c in db.Conversations on m.ConversationId equals c.Id
                join a in db.Accounts on c.AccountId equals a.Id
                where m.Id == messageId && m.ConversationId == conversationId
                select new { Message = m, c.Kind, a.Platform, c.RespondsToPostId, c.RespondsToSource })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return DeskResult.Missing();
        var message = found.Message;
        if (message.Direction != MessageDirection.Inbound)
            return DeskResult.Refused("Only a comment from the public can be hidden.", "reason");
        if (WhyNot(found.Platform, found.Kind) is { } unsupported)
            return DeskResult.Refused(unsupported, "reason");
        if (hide == (message.HiddenAt is not null))
            return DeskResult.Refused(hide ? "This comment is hidden already." : "This comment is not hidden.", "reason");
        if (!hide && found.RespondsToSource == PostLinkSource.Comment && await db.PostCopies.AnyAsync(c => c.PostId == found.RespondsToPostId && c.AccountId == message.AccountId
                && (c.CommentsState == CommentsState.Held || c.CommentsState == CommentsState.Holding), cancellationToken))
            return DeskResult.Refused("Comments under this post are held while proceedings are active in its case, so this one stays hidden.", "reason");
        if (await accounts.GetAsync(message.AccountId, cancellationToken) is not { } account)
            return DeskResult.Refused($"This {found.Platform} account is not connected to BlueLamp, so nothing can be changed on it.", "reason");

        var result = found.Platform == Platform.X
            ? await x.SetReplyHiddenAsync(account.X(), message.PlatformMessageId, hide, cancellationToken)
            : await meta.SetCommentHiddenAsync(account.Meta(), message.PlatformMessageId, hide, cancellationToken);
        if (result.Failure is { } failure)
        {
            if (failure.NeedsReconnect)
                await accounts.ReportFailureAsync(account, failure, cancellationToken);
            logger.LogWarning("Comment {MessageId} could not be {Change}: {Error}", messageId, hide ? "hidden" : "shown again", failure.Error);
            return DeskResult.Refused($"{found.Platform} did not {(hide ? "hide" : "show")} the comment: {failure.Error}{(failure.Retryable ? " Try again in a moment." : "")}", "reason");
        }

        if (hide)
            message.Hide(reason!, user.DisplayName, time.GetUtcNow());
        else
            message.Unhide();
        await audit.SaveWithAuditAsync(db, new AuditEntry(hide ? AuditActions.CommentHidden : AuditActions.CommentUnhidden, user.UserId, user.DisplayName,
            "conversation", conversationId.ToString("D"), hide ? $"message {messageId:D} hidden on {found.Platform}: {reason!.Trim()}" : $"message {messageId:D} shown again on {found.Platform}"),
            cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.NoteAdded, messageId), cancellationToken);
        return DeskResult.Done(messageId);
    }
}
