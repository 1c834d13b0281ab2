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
/// is claimed (held → holding, with a lease) so one node hides its comments. A comment the platform did not hide is
/// tried again with backoff (<see cref="PublishingOptions.HoldRetry"/>) and, when the platform says it never will or the
/// attempts run out, marked failed with the platform's error for the post page, where it can be tried again by hand.
/// Where the platform turns replies off with the same record that hides them (Bluesky's threadgate), the replies already
/// there are hidden when comments are turned off (<see cref="RepliesToHideOnClosingAsync"/>).
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
        var now = time.GetUtcNow();
        var stale = now - options.CurrentValue.ClaimLease;
        await using var db = dbs.ForForce(forceId);
        var copies = await db.PostCopies.AsNoTracking()
            .Where(c => c.State == CopyState.Published
                && (c.CommentsState == CommentsState.Held || (c.CommentsState == CommentsState.Holding && c.CommentsChangedAt < stale)))
            .Select(c => new { c.Id, c.PostId, c.AccountId })
            .ToListAsync(cancellationToken);
        var hidden = 0;
        foreach (var copy in copies)
        {
            // Only a copy with a comment due (new, or its next attempt come) is claimed: one the platform will not hide waits.
            if (await DueComments(db, copy.Id, copy.PostId, copy.AccountId, now).AnyAsync(cancellationToken))
                hidden += (await HideUnderAsync(db, copy.Id, null, CopySender.SystemName, cancellationToken))?.Hidden ?? 0;
        }
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
        var reason = await ReasonAsync(db, copy, cancellationToken);
        var hidden = 0;
        var stillVisible = 0;
        string? lastError = null;
        try
        {
            var comments = await DueComments(db, copy.Id, copy.PostId, copy.AccountId, now).Select(m => m.Id).ToListAsync(cancellationToken);
            var connection = comments.Count == 0 ? null : await connected.GetAsync(copy.AccountId, cancellationToken);
            foreach (var messageId in comments)
            {
                var error = await HideOneAsync(db, copy, connection, messageId, reason, actorId, actorName, cancellationToken);
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
                    $"{copy.Platform} {copy.PlatformPostId}: {stillVisible} comments still visible: {lastError}"), cancellationToken);
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

    /// <summary>
    /// The replies already under a copy that turning its comments off will also hide, where the platform does both with one
    /// record (Bluesky's threadgate, at most <paramref name="most"/>, the newest first): their message ids and platform ids.
    /// </summary>
    public async Task<IReadOnlyList<(Guid MessageId, string PlatformId)>> RepliesToHideOnClosingAsync(BlueLampDb db, PostCopy copy, int most, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(copy);
        if (most <= 0)
            return [];
        var replies = await VisibleComments(db, copy.PostId, copy.AccountId).OrderByDescending(m => m.SentAt).Take(most)
            .Select(m => new { m.Id, m.PlatformMessageId }).ToListAsync(cancellationToken);
        return [.. replies.Select(r => (r.Id, r.PlatformMessageId))];
    }

    /// <summary>The platform hid these replies as it turned comments off: each is marked hidden with the case, audited on its conversation.</summary>
    public async Task RecordHiddenOnClosingAsync(BlueLampDb db, PostCopy copy, IReadOnlyList<Guid> messageIds, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
            return;
        var reason = await ReasonAsync(db, copy, cancellationToken);
        foreach (var messageId in messageIds)
            await RecordHiddenAsync(db, copy, messageId, reason, actorId, actorName, cancellationToken);
    }

    /// <summary>Tries again now every comment under the post's held copies that the platform would not hide.</summary>
    public async Task<PublishingResult> RetryFailedAsync(PostActor actor, Guid postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCommsOfficer && !actor.IsSupervisor)
            return PublishingResult.Refused("A comms officer or supervisor tries held comments again.");
        await using var db = dbs.ForForce(actor.ForceId);
        var copies = await db.PostCopies.AsNoTracking().Where(c => c.PostId == postId && (c.CommentsState == CommentsState.Held || c.CommentsState == CommentsState.Holding))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var failed = await db.HeldComments.Where(h => copies.Contains(h.CopyId) && h.State == HeldCommentState.Failed).ToListAsync(cancellationToken);
        if (failed.Count == 0)
            return PublishingResult.Refused("No held comment of this post is waiting to be tried again.");
        var now = time.GetUtcNow();
        foreach (var comment in failed)
            comment.RetryNow(now);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostCommentHoldRetried, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"{failed.Count} held comments the platform would not hide tried again"), cancellationToken);
        var hidden = 0;
        var stillVisible = 0;
        string? lastError = null;
        foreach (var copyId in failed.Select(h => h.CopyId).Distinct())
        {
            if (await HideUnderAsync(db, copyId, actor.UserId, actor.DisplayName, cancellationToken) is not { } outcome)
                continue;
            hidden += outcome.Hidden;
            stillVisible += outcome.StillVisible;
            lastError = outcome.LastError ?? lastError;
        }
        return PublishingResult.Done(postId, [$"{hidden} of {failed.Count} held comments hidden now.{(stillVisible > 0 ? $" {stillVisible} still visible: {lastError}" : "")}"]);
    }

    /// <summary>The held comments of a post that the platform would not hide, for the post page.</summary>
    public async Task<IReadOnlyList<FailedHeldComment>> FailedAsync(BlueLampDb db, Guid postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (
                from h in db.HeldComments
                join c in db.PostCopies on h.CopyId equals c.Id
                join m in db.Messages on h.MessageId equals m.Id
                join v in db.Conversations on m.ConversationId equals v.Id
                join person in db.People on v.PersonId equals person.Id
                where c.PostId == postId && (h.State == HeldCommentState.Failed || h.State == HeldCommentState.Retrying)
                orderby h.ChangedAt
                select new FailedHeldComment(h.MessageId, m.ConversationId, c.Platform, person.DisplayName, m.Text, h.State == HeldCommentState.Failed, h.Attempts, h.NextAttemptAt, h.Error ?? ""))
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>The public's comments (and replies) under the post on the account that the desk holds and that are not hidden.</summary>
    private static IQueryable<Message> VisibleComments(BlueLampDb db, Guid postId, Guid accountId) =>
        from m in db.Messages
        join conversation in db.Conversations on m.ConversationId equals conversation.Id
        where conversation.RespondsToPostId == postId && conversation.AccountId == accountId && conversation.RespondsToSource == PostLinkSource.Comment
            && conversation.Kind != ConversationKind.DirectMessage
            && m.Direction == MessageDirection.Inbound && m.HiddenAt == null && m.RemovedAt == null
        select m;

    /// <summary>Of the visible comments under a held copy, those to try now: not given up on, and not waiting for their next attempt.</summary>
    private static IQueryable<Message> DueComments(BlueLampDb db, Guid copyId, Guid postId, Guid accountId, DateTimeOffset now) =>
        VisibleComments(db, postId, accountId).Where(m => !db.HeldComments.Any(h => h.CopyId == copyId && h.MessageId == m.Id
            && (h.State == HeldCommentState.Failed || (h.State == HeldCommentState.Retrying && h.NextAttemptAt > now))));

    private static async Task<string> ReasonAsync(BlueLampDb db, PostCopy copy, CancellationToken cancellationToken)
    {
        var caseReference = await db.Posts.AsNoTracking().Where(p => p.Id == copy.PostId).Select(p => p.CaseReference).SingleAsync(cancellationToken);
        return $"Held: proceedings are active in case {caseReference} (Contempt of Court Act 1981)";
    }

    /// <summary>
    /// Hides one comment on the platform, then marks it hidden with its audit entry; null when done, else the platform's
    /// error, kept on the comment with when to try again (or that the platform never will).
    /// </summary>
    private async Task<string?> HideOneAsync(
        BlueLampDb db, PostCopy copy, ConnectedAccount? connection, Guid messageId, string reason, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId, cancellationToken);
        var failure = connection is null
            ? new PlatformFailure("The account is not connected: an administrator must add its credentials.", Retryable: true, NeedsReconnect: true)
            : (await _publishers[copy.Platform].HideCommentAsync(connection, message.PlatformMessageId, cancellationToken)).Failure;
        if (failure is null)
        {
            await RecordHiddenAsync(db, copy, messageId, reason, actorId, actorName, cancellationToken);
            return null;
        }
        if (failure.NeedsReconnect && connection is not null)
            await connected.ReportFailureAsync(connection, failure, cancellationToken);
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var policy = options.CurrentValue.HoldRetry;
        // An account to reconnect may work again once an administrator has; anything else the platform refused, it always will.
        var retryable = failure.Retryable || failure.NeedsReconnect;
        var held = await db.HeldComments.SingleOrDefaultAsync(h => h.CopyId == copy.Id && h.MessageId == messageId, cancellationToken);
        if (held is null)
            db.HeldComments.Add(held = HeldComment.NotHidden(Guid.CreateVersion7(), copy.ForceId, copy.Id, messageId, failure.Error, retryable, policy, now));
        else
            held.RecordFailure(failure.Error, retryable, policy, now);
        if (held.State == HeldCommentState.Failed)
        {
            logger.LogWarning("A held comment {MessageId} under a copy of post {PostId} could not be hidden and is no longer tried: {Error}", messageId, copy.PostId, failure.Error);
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostCommentHoldFailed, actorId, actorName, "post", copy.PostId.ToString("D"),
                $"{copy.Platform}: comment {messageId:D} (conversation {message.ConversationId:D}) still visible after {held.Attempts} attempts, tried again only by hand: {failure.Error}"),
                cancellationToken);
        }
        else
            await db.SaveChangesAsync(cancellationToken);
        return failure.Error;
    }

    /// <summary>Marks one comment hidden by the hold, remembered as such (so lifting the hold shows it again), audited on its conversation.</summary>
    private async Task RecordHiddenAsync(BlueLampDb db, PostCopy copy, Guid messageId, string reason, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = await db.Messages.SingleAsync(m => m.Id == messageId, cancellationToken);
        message.Hide(reason, actorName, now);
        var held = await db.HeldComments.SingleOrDefaultAsync(h => h.CopyId == copy.Id && h.MessageId == messageId, cancellationToken);
        if (held is null)
            db.HeldComments.Add(HeldComment.Hidden(Guid.CreateVersion7(), copy.ForceId, copy.Id, messageId, now));
        else
            held.RecordHidden(now);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.CommentHidden, actorId, actorName, "conversation", message.ConversationId.ToString("D"),
            $"message {messageId:D} hidden on {copy.Platform}: {reason}"), cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(message.ForceId, message.ConversationId, DeskEventKind.NoteAdded, messageId), cancellationToken);
    }
}
