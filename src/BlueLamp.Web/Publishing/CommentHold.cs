using BlueLamp.Channels.Common;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Holds the public's comments under a copy whose platform cannot turn them off (Facebook, X) once proceedings are
/// active: every comment the desk holds under it is hidden on the platform, those there when the hold began and each
/// new one as it arrives (the scheduler looks every tick). The desk keeps them, marked hidden with the reason. A copy
/// is claimed (held → holding, with a lease) so one node hides its comments; a comment the platform would not hide
/// stays visible and is tried again on the next tick.
/// </summary>
public sealed class CommentHold(
    BlueLampDbFactory dbs, IEnumerable<IPostPublisher> publishers, ConnectedAccounts connected, AuditTrail audit, IDeskEvents deskEvents,
    IOptionsMonitor<PublishingOptions> options, TimeProvider time, ILogger<CommentHold> logger)
{
    private readonly Dictionary<BlueLamp.Core.Accounts.Platform, IPostPublisher> _publishers = publishers.ToDictionary(p => p.Platform);

    /// <summary>How hiding the comments under one held copy went.</summary>
    public sealed record Outcome(int Hidden, int StillVisible, string? LastError);

    /// <summary>Hides every comment under each held copy of the force's posts that is not hidden yet; the number hidden.</summary>
    public async Task<int> HideNewCommentsAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        var stale = time.GetUtcNow() - options.CurrentValue.ClaimLease;
        await using var db = dbs.ForForce(forceId);
        var copies = await db.PostCopies
            .Where(c => c.State == CopyState.Published
                && (c.CommentsState == CommentsState.Held || (c.CommentsState == CommentsState.Holding && c.CommentsChangedAt < stale))
                && db.Conversations.Any(v => v.RespondsToPostId == c.PostId && v.AccountId == c.AccountId && v.RespondsToSource == PostLinkSource.Comment
                    && v.Kind != ConversationKind.DirectMessage
                    && db.Messages.Any(m => m.ConversationId == v.Id && m.Direction == MessageDirection.Inbound && m.HiddenAt == null && m.RemovedAt == null)))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var hidden = 0;
        foreach (var copyId in copies)
            hidden += (await HideUnderAsync(db, copyId, null, CopySender.SystemName, cancellationToken))?.Hidden ?? 0;
        return hidden;
    }

    /// <summary>
    /// Hides the comments under one held copy that are not hidden yet, each audited on its conversation. Null when the
    /// copy is not held or another node is hiding its comments now.
    /// </summary>
    public async Task<Outcome?> HideUnderAsync(BlueLampDb db, Guid copyId, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var stale = now - options.CurrentValue.ClaimLease;
        var claimed = await db.PostCopies
            .Where(c => c.Id == copyId && c.State == CopyState.Published
                && (c.CommentsState == CommentsState.Held || (c.CommentsState == CommentsState.Holding && c.CommentsChangedAt < stale)))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.CommentsState, CommentsState.Holding).SetProperty(c => c.CommentsChangedAt, now), cancellationToken);
        if (claimed == 0)
            return null;
        var copy = await db.PostCopies.AsNoTracking().SingleAsync(c => c.Id == copyId, cancellationToken);
        var caseReference = await db.Posts.AsNoTracking().Where(p => p.Id == copy.PostId).Select(p => p.CaseReference).SingleAsync(cancellationToken);
        var reason = $"Held: proceedings are active in case {caseReference} (Contempt of Court Act 1981)";
        var hidden = 0;
        var stillVisible = 0;
        string? lastError = null;
        try
        {
            var comments = await VisibleComments(db, copy.PostId, copy.AccountId).Select(m => m.Id).ToListAsync(cancellationToken);
            var connection = comments.Count == 0 ? null : await connected.GetAsync(copy.AccountId, cancellationToken);
            foreach (var messageId in comments)
            {
                var error = connection is null
                    ? "The account is not connected: an administrator must add its credentials."
                    : await HideOneAsync(db, copy, connection, messageId, reason, actorId, actorName, cancellationToken);
                if (error is null)
                    hidden++;
                else
                {
                    stillVisible++;
                    lastError = error;
                }
            }
            if (stillVisible > 0)
            {
                logger.LogWarning("{Count} comments under a copy of post {PostId} on account {AccountId} could not be hidden: {Error}", stillVisible, copy.PostId, copy.AccountId, lastError);
                await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostCommentsCloseFailed, actorId, actorName, "post", copy.PostId.ToString("D"),
                    $"{copy.Platform} {copy.PlatformPostId}: {stillVisible} comments still visible, tried again: {lastError}"), cancellationToken);
            }
        }
        finally
        {
            // Hand the copy back for the next comment, whatever happened to these.
            await db.PostCopies.Where(c => c.Id == copyId && c.CommentsState == CommentsState.Holding)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.CommentsState, CommentsState.Held), CancellationToken.None);
        }
        return new Outcome(hidden, stillVisible, lastError);
    }

    /// <summary>The public's comments (and replies) under the post on the account that the desk holds and that are not hidden.</summary>
    private static IQueryable<Message> VisibleComments(BlueLampDb db, Guid postId, Guid accountId) =>
        from m in db.Messages
        join conversation in db.Conversations on m.ConversationId equals conversation.Id
        where conversation.RespondsToPostId == postId && conversation.AccountId == accountId && conversation.RespondsToSource == PostLinkSource.Comment
            && conversation.Kind != ConversationKind.DirectMessage
            && m.Direction == MessageDirection.Inbound && m.HiddenAt == null && m.RemovedAt == null
        select m;

    /// <summary>Hides one comment on the platform, then marks it hidden with its audit entry; null when done, else the platform's error.</summary>
    private async Task<string?> HideOneAsync(
        BlueLampDb db, PostCopy copy, ConnectedAccount connection, Guid messageId, string reason, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleAsync(m => m.Id == messageId, cancellationToken);
        var result = await _publishers[copy.Platform].HideCommentAsync(connection, message.PlatformMessageId, cancellationToken);
        if (result.Failure is { } failure)
        {
            if (failure.NeedsReconnect)
                await connected.ReportFailureAsync(connection, failure, cancellationToken);
            db.ChangeTracker.Clear();
            return failure.Error;
        }
        message.Hide(reason, actorName, time.GetUtcNow());
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.CommentHidden, actorId, actorName, "conversation", message.ConversationId.ToString("D"),
            $"message {messageId:D} hidden on {copy.Platform}: {reason}"), cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(message.ForceId, message.ConversationId, DeskEventKind.NoteAdded, messageId), cancellationToken);
        return null;
    }
}
