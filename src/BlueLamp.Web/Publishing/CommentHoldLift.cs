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
/// Lifts the comment hold on a case's posts when the case ends (the charge dropped, the trial over): a supervisor's
/// audited action that undoes, on every copy where it was applied, what the hold did. Comments hidden one by one
/// (Facebook, X) are shown again; Instagram's comments are turned on again; Bluesky's threadgate is removed, which also
/// shows the replies it hid. Each copy is claimed (→ reopening, with a lease) so one node changes it; a platform that
/// fails leaves the copy "reopen failed" with its error on the post page, tried again on the scheduler's ticks.
/// </summary>
public sealed class CommentHoldLift(
    BlueLampDbFactory dbs, IEnumerable<IPostPublisher> publishers, ConnectedAccounts connected, AuditTrail audit, IDeskEvents deskEvents,
    IOptionsMonitor<PublishingOptions> options, TimeProvider time, ILogger<CommentHoldLift> logger)
{
    private readonly Dictionary<BlueLamp.Core.Accounts.Platform, IPostPublisher> _publishers = publishers.ToDictionary(p => p.Platform);

    /// <summary>Lifts the hold on every copy of the post's case where comments are turned off or held.</summary>
    public async Task<PublishingResult> LiftAsync(PostActor actor, Guid postId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSupervisor)
            return PublishingResult.Refused("A supervisor lifts a comment hold.");
        if (string.IsNullOrWhiteSpace(reason))
            return PublishingResult.Refused("Say why the hold ends (for example, the charge was dropped or the trial is over); it is audited.", "reason");
        if (reason.Trim().Length > 500)
            return PublishingResult.Refused("The reason can be at most 500 characters.", "reason");
        await using var db = dbs.ForForce(actor.ForceId);
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
            return PublishingResult.NotFound();
        if (post.CaseReference is not { } caseReference)
            return PublishingResult.Refused("This post has no case reference, so no comment hold applies to it.");
        var copies = await db.PostCopies.AsNoTracking()
            .Where(c => c.CommentsState != null && c.CommentsState != CommentsState.Reopened)
            .Join(db.Posts.Where(p => p.CaseReference == caseReference), c => c.PostId, p => p.Id, (c, p) => c)
            .ToListAsync(cancellationToken);
        if (copies.Count == 0)
            return PublishingResult.Refused($"Comments are not held or turned off under any post of case {caseReference}.");
        var why = $"case {caseReference}: {reason.Trim()}";
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostCommentHoldLifted, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"comment hold lifted on {copies.Count} copies of case {caseReference}'s posts. Reason: {reason.Trim()}"), cancellationToken);
        var notes = new List<string>();
        var reopened = 0;
        foreach (var copy in copies)
        {
            switch (await ReopenAsync(db, copy.Id, why, actor.UserId, actor.DisplayName, cancellationToken))
            {
                case null:
                    reopened++;
                    break;
                case var error:
                    notes.Add($"{copy.Platform}: {error}");
                    break;
            }
        }
        notes.Insert(0, $"Comment hold lifted: comments open again under {reopened} of {copies.Count} copies of the case's posts.");
        return PublishingResult.Done(postId, notes);
    }

    /// <summary>Tries again every copy whose hold did not lift (or whose node stopped while lifting it); the number lifted.</summary>
    public async Task<int> RetryAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        var stale = time.GetUtcNow() - options.CurrentValue.ClaimLease;
        await using var db = dbs.ForForce(forceId);
        var copies = await db.PostCopies.AsNoTracking()
            .Where(c => c.CommentsState == CommentsState.ReopenFailed || (c.CommentsState == CommentsState.Reopening && c.CommentsChangedAt < stale))
            .Select(c => new { c.Id, c.CommentsNote })
            .ToListAsync(cancellationToken);
        var lifted = 0;
        foreach (var copy in copies)
        {
            if (await ReopenAsync(db, copy.Id, "comment hold lift retried", null, CopySender.SystemName, cancellationToken) is null)
                lifted++;
        }
        return lifted;
    }

    /// <summary>
    /// Lifts the hold on one copy: null when comments are open again there (or another node is lifting it now), else why not.
    /// </summary>
    private async Task<string?> ReopenAsync(BlueLampDb db, Guid copyId, string reason, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var stale = now - options.CurrentValue.ClaimLease;
        var claimed = await db.PostCopies
            .Where(c => c.Id == copyId
                && (c.CommentsState == CommentsState.Closed || c.CommentsState == CommentsState.CloseFailed || c.CommentsState == CommentsState.NotPossible
                    || c.CommentsState == CommentsState.Held || c.CommentsState == CommentsState.ReopenFailed
                    || ((c.CommentsState == CommentsState.Closing || c.CommentsState == CommentsState.Holding || c.CommentsState == CommentsState.Reopening) && c.CommentsChangedAt < stale)))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.CommentsState, CommentsState.Reopening).SetProperty(c => c.CommentsChangedAt, now), cancellationToken);
        if (claimed == 0)
        {
            var state = await db.PostCopies.AsNoTracking().Where(c => c.Id == copyId).Select(c => c.CommentsState).SingleAsync(cancellationToken);
            return state is CommentsState.Reopened or CommentsState.Reopening ? null : "its comments are being changed by another node now: lift the hold again in a moment.";
        }
        var copy = await db.PostCopies.SingleAsync(c => c.Id == copyId, cancellationToken);
        _publishers.TryGetValue(copy.Platform, out var publisher);
        var where = $"{copy.Platform} ({copy.Language}) {copy.PlatformPostId}";
        string? error = "Interrupted before the platform answered.";
        try
        {
            error = publisher is null ? null : await UndoAsync(db, copy, publisher, reason, actorId, actorName, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            copy = await db.PostCopies.SingleAsync(c => c.Id == copyId, CancellationToken.None);
            if (copy.CommentsState == CommentsState.Reopening)
            {
                AuditEntry entry;
                if (error is null)
                {
                    copy.RecordCommentsReopened(reason, time.GetUtcNow());
                    entry = new AuditEntry(AuditActions.PostCommentsReopened, actorId, actorName, "post", copy.PostId.ToString("D"), $"{where}: comments open again ({reason})");
                }
                else
                {
                    // Also when the call was cut short: the copy is tried again, never left claimed.
                    copy.RecordCommentsReopenFailed(error, time.GetUtcNow());
                    entry = new AuditEntry(AuditActions.PostCommentsReopenFailed, actorId, actorName, "post", copy.PostId.ToString("D"), $"{where}: comments not open yet, tried again: {error}");
                    logger.LogWarning("Lifting the comment hold under a copy of post {PostId} on account {AccountId} failed: {Error}", copy.PostId, copy.AccountId, error);
                }
                await audit.SaveWithAuditAsync(db, entry, CancellationToken.None);
            }
        }
        return error;
    }

    /// <summary>Undoes on the platform what the hold did under one copy; null when done, else the platform's error.</summary>
    private async Task<string?> UndoAsync(BlueLampDb db, PostCopy copy, IPostPublisher publisher, string reason, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        var connection = await connected.GetAsync(copy.AccountId, cancellationToken);
        if (connection is null)
            return "The account is not connected: an administrator must add its credentials.";
        if (publisher.CommentsOnlyHidden is null)
        {
            // Comments turned off (and, on Bluesky, replies hidden by the same record): turning them on shows those too.
            var opened = await publisher.OpenCommentsAsync(connection, copy.PlatformPostId!, copy.CommentsHoldUndo, cancellationToken);
            if (opened.Failure is { } failure)
                return await FailedAsync(connection, failure, cancellationToken);
        }
        var held = await db.HeldComments.Where(h => h.CopyId == copy.Id && h.State != HeldCommentState.Released).ToListAsync(cancellationToken);
        string? error = null;
        foreach (var comment in held)
        {
            var message = await db.Messages.SingleAsync(m => m.Id == comment.MessageId, cancellationToken);
            if (comment.State == HeldCommentState.Hidden && publisher.CommentsOnlyHidden is not null)
            {
                var shown = await publisher.ShowCommentAsync(connection, message.PlatformMessageId, cancellationToken);
                if (shown.Failure is { Retryable: true } or { NeedsReconnect: true })
                {
                    error = await FailedAsync(connection, shown.Failure, cancellationToken);
                    continue;
                }
                if (shown.Failure is { } refused)
                {
                    // The platform never will (the comment is gone, say): it is no longer held, and the desk may try by hand.
                    comment.Release(time.GetUtcNow());
                    await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.CommentUnhidden, actorId, actorName, "conversation", message.ConversationId.ToString("D"),
                        $"message {message.Id:D} no longer held ({reason}), but {copy.Platform} did not show it again: {refused.Error}"), cancellationToken);
                    continue;
                }
            }
            var wasHidden = comment.State == HeldCommentState.Hidden;
            comment.Release(time.GetUtcNow());
            if (wasHidden)
                message.Unhide();
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.CommentUnhidden, actorId, actorName, "conversation", message.ConversationId.ToString("D"),
                wasHidden ? $"message {message.Id:D} shown again on {copy.Platform}: comment hold lifted ({reason})"
                    : $"message {message.Id:D} no longer held ({reason}); it was never hidden"), cancellationToken);
            if (wasHidden)
                await deskEvents.PublishAsync(new DeskEvent(message.ForceId, message.ConversationId, DeskEventKind.NoteAdded, message.Id), cancellationToken);
        }
        return error;
    }

    private async Task<string> FailedAsync(ConnectedAccount connection, PlatformFailure failure, CancellationToken cancellationToken)
    {
        if (failure.NeedsReconnect)
            await connected.ReportFailureAsync(connection, failure, cancellationToken);
        return failure.Error;
    }
}
