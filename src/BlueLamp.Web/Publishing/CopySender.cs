using BlueLamp.Channels.Common;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;
using BlueLamp.Web.Channels;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Sends one copy of a post to its account, or takes one down, exactly once across nodes: each copy is claimed with a
/// conditional update (pending → sending, published → withdrawing) before the platform is called, so only the node
/// whose update changed the row makes the call. Each result is recorded on the copy with its audit entry.
/// </summary>
public sealed class CopySender(
    IEnumerable<IPostPublisher> publishers, ConnectedAccounts connected, AuditTrail audit, CommentHold holds, IOptionsMonitor<PublishingOptions> options,
    TimeProvider time, ILogger<CopySender> logger)
{
    public const string SystemName = "BlueLamp (publishing)";

    private readonly Dictionary<BlueLamp.Core.Accounts.Platform, IPostPublisher> _publishers = publishers.ToDictionary(p => p.Platform);

    /// <summary>Sends a pending copy; false when another node (or an earlier call) has it.</summary>
    public async Task<bool> SendAsync(BlueLampDb db, Guid copyId, IReadOnlyList<PostImage> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var claimed = await db.PostCopies.Where(c => c.Id == copyId && c.State == CopyState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.State, CopyState.Sending), cancellationToken);
        if (claimed == 0)
            return false;
        var copy = await db.PostCopies.AsNoTracking().SingleAsync(c => c.Id == copyId, cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == copy.AccountId, cancellationToken);
        var connection = await connected.GetAsync(account.Id, cancellationToken);
        var result = connection is null
            ? NotConnected(account.DisplayName)
            : _publishers.TryGetValue(account.Platform, out var publisher)
                ? await publisher.PublishAsync(new CopyToSend(connection, copy.Text, copy.Language, images), cancellationToken)
                : SendResult.Failed(PlatformFailure.Refused($"BlueLamp cannot publish to {account.Platform}."));

        var now = time.GetUtcNow();
        var tracked = await db.PostCopies.SingleAsync(c => c.Id == copyId, cancellationToken);
        AuditEntry entry;
        if (result.IsSent)
        {
            tracked.RecordPublished(result.PlatformMessageId!, result.Link, now);
            entry = new AuditEntry(AuditActions.PostCopyPublished, null, SystemName, "post", copy.PostId.ToString("D"),
                $"{account.Platform} {account.DisplayName} ({copy.Language}): {result.PlatformMessageId}");
        }
        else
        {
            tracked.RecordFailed(result.Failure!.Error, result.Failure.Retryable, now);
            entry = new AuditEntry(AuditActions.PostCopyFailed, null, SystemName, "post", copy.PostId.ToString("D"),
                $"{account.Platform} {account.DisplayName} ({copy.Language}): {result.Failure.Error}");
            logger.LogWarning("A copy of post {PostId} to account {AccountId} failed: {Error}", copy.PostId, account.Id, result.Failure.Error);
        }
        await audit.SaveWithAuditAsync(db, entry, cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends pending copies, account by account, the Welsh copy first: when it is not published the English copy to that
    /// account is held back as failed (retryable), so the Welsh version never follows the English one later.
    /// </summary>
    public async Task SendTogetherAsync(BlueLampDb db, IReadOnlyList<Guid> copyIds, IReadOnlyList<PostImage> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(copyIds);
        db.ChangeTracker.Clear();
        var copies = await db.PostCopies.AsNoTracking().Where(c => copyIds.Contains(c.Id))
            .Select(c => new { c.Id, c.AccountId, c.Platform, c.Language }).ToListAsync(cancellationToken);
        foreach (var account in copies.GroupBy(c => c.AccountId).OrderBy(g => g.First().Platform).ThenBy(g => g.Key))
        {
            var welshFailed = false;
            foreach (var copy in account.OrderByDescending(c => c.Language))
            {
                if (copy.Language == PostLanguage.English && welshFailed)
                {
                    await HoldBackEnglishAsync(db, copy.Id, cancellationToken);
                    continue;
                }
                await SendAsync(db, copy.Id, images, cancellationToken);
                if (copy.Language == PostLanguage.Welsh)
                    welshFailed = await db.PostCopies.AsNoTracking().AnyAsync(c => c.Id == copy.Id && c.State != CopyState.Published, cancellationToken);
            }
        }
    }

    /// <summary>The English copy to an account whose Welsh copy did not go out: not sent, so that both go out together on retry.</summary>
    private async Task HoldBackEnglishAsync(BlueLampDb db, Guid copyId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var claimed = await db.PostCopies.Where(c => c.Id == copyId && c.State == CopyState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.State, CopyState.Sending), cancellationToken);
        if (claimed == 0)
            return;
        var copy = await db.PostCopies.SingleAsync(c => c.Id == copyId, cancellationToken);
        const string why = "Not sent: the Welsh copy to this account did not go out, and the Welsh version may not follow the English later. Retry sends both.";
        copy.RecordFailed(why, retryable: true, time.GetUtcNow());
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostCopyFailed, null, SystemName, "post", copy.PostId.ToString("D"),
            $"{copy.Platform} ({copy.Language}): {why}"), cancellationToken);
    }

    /// <summary>
    /// Takes a live copy down and records why; a copy whose removal failed stays marked and is tried again.
    /// Returns null when it is down (or another node has it), else the platform's error.
    /// </summary>
    public async Task<string?> WithdrawAsync(BlueLampDb db, Guid copyId, string reason, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var stale = now - options.CurrentValue.ClaimLease;
        var claimed = await db.PostCopies
            .Where(c => c.Id == copyId && (c.State == CopyState.Published || c.State == CopyState.WithdrawFailed
                || (c.State == CopyState.Withdrawing && c.LastAttemptAt < stale)))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.State, CopyState.Withdrawing).SetProperty(c => c.LastAttemptAt, now), cancellationToken);
        if (claimed == 0)
            return null;
        var copy = await db.PostCopies.SingleAsync(c => c.Id == copyId, cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == copy.AccountId, cancellationToken);
        var connection = await connected.GetAsync(account.Id, cancellationToken);
        var result = connection is null
            ? NotConnected(account.DisplayName)
            : _publishers.TryGetValue(account.Platform, out var publisher)
                ? await publisher.DeleteAsync(connection, copy.PlatformPostId!, cancellationToken)
                : SendResult.Failed(PlatformFailure.Refused($"BlueLamp cannot take posts down on {account.Platform}."));

        now = time.GetUtcNow();
        AuditEntry entry;
        if (result.IsSent)
        {
            copy.RecordWithdrawn(reason, now);
            entry = new AuditEntry(AuditActions.PostCopyWithdrawn, actorId, actorName, "post", copy.PostId.ToString("D"),
                $"{account.Platform} {account.DisplayName} ({copy.Language}) {copy.PlatformPostId} removed: {reason}");
        }
        else
        {
            copy.RecordWithdrawFailed(reason, result.Failure!.Error, now);
            entry = new AuditEntry(AuditActions.PostCopyWithdrawFailed, actorId, actorName, "post", copy.PostId.ToString("D"),
                $"{account.Platform} {account.DisplayName} ({copy.Language}) {copy.PlatformPostId} still up: {result.Failure.Error}");
            logger.LogWarning("Taking down a copy of post {PostId} on account {AccountId} failed: {Error}", copy.PostId, account.Id, result.Failure.Error);
        }
        await audit.SaveWithAuditAsync(db, entry, cancellationToken);
        return result.Failure?.Error;
    }

    /// <summary>
    /// Turns comments off under a live copy where its platform allows, claimed like a withdrawal so one node makes the
    /// call; where the platform can only hide comments one by one, marks the copy held (<see cref="CommentHold"/> then
    /// hides them). Each result is audited. Returns null when done (or held, or another node has it), else the
    /// platform's error, and the copy is tried again.
    /// </summary>
    public async Task<string?> CloseCommentsAsync(BlueLampDb db, Guid copyId, string reason, string? actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var stale = now - options.CurrentValue.ClaimLease;
        var claimed = await db.PostCopies
            .Where(c => c.Id == copyId && c.State == CopyState.Published
                && (c.CommentsState == null || c.CommentsState == CommentsState.CloseFailed || c.CommentsState == CommentsState.Reopened
                    || (c.CommentsState == CommentsState.Closing && c.CommentsChangedAt < stale)))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.CommentsState, CommentsState.Closing).SetProperty(c => c.CommentsChangedAt, now), cancellationToken);
        if (claimed == 0)
            return null;
        var copy = await db.PostCopies.SingleAsync(c => c.Id == copyId, cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == copy.AccountId, cancellationToken);
        _publishers.TryGetValue(account.Platform, out var publisher);
        var where = $"{account.Platform} {account.DisplayName} ({copy.Language}) {copy.PlatformPostId}";
        AuditEntry entry;
        string? error = null;
        if (publisher is null)
        {
            var explanation = $"BlueLamp cannot turn comments off on {account.Platform}.";
            copy.RecordCommentsNotPossible(explanation, time.GetUtcNow());
            entry = new AuditEntry(AuditActions.PostCommentsCloseFailed, actorId, actorName, "post", copy.PostId.ToString("D"), $"{where}: not possible ({reason}). {explanation}");
        }
        else if (publisher.CommentsOnlyHidden is { } hiding)
        {
            // The comments themselves are hidden by CommentHold, now and as new ones arrive.
            copy.RecordCommentsHeld(hiding, time.GetUtcNow());
            entry = new AuditEntry(AuditActions.PostCommentsHeld, actorId, actorName, "post", copy.PostId.ToString("D"), $"{where}: comments held by hiding each one ({reason}). {hiding}");
        }
        else
        {
            var connection = await connected.GetAsync(account.Id, cancellationToken);
            // Where the platform hides the replies already there with the same record (Bluesky's threadgate), it does so now.
            var replies = await holds.RepliesToHideOnClosingAsync(db, copy, publisher.MostRepliesHiddenOnClosing, cancellationToken);
            var closing = connection is null
                ? CommentsClosing.Only(NotConnected(account.DisplayName))
                : await publisher.CloseCommentsAsync(connection, copy.PlatformPostId!, [.. replies.Select(r => r.PlatformId)], copy.CommentsHoldUndo, cancellationToken);
            var result = closing.Result;
            if (result.IsSent)
            {
                // Only the replies the hold itself hid are the hold's: one the account had hidden already stays the account's.
                var hid = replies.Where(r => closing.Hidden.Contains(r.PlatformId)).ToList();
                copy.RecordCommentsClosed(reason, time.GetUtcNow(), closing.Undo);
                entry = new AuditEntry(AuditActions.PostCommentsClosed, actorId, actorName, "post", copy.PostId.ToString("D"),
                    $"{where}: comments turned off ({reason}){(hid.Count > 0 ? $"; {hid.Count} replies already there hidden" : "")}{(hid.Count < replies.Count ? $"; {replies.Count - hid.Count} already hidden by the account" : "")}");
                await audit.SaveWithAuditAsync(db, entry, cancellationToken);
                await holds.RecordHiddenOnClosingAsync(db, copy, [.. hid.Select(r => r.MessageId)], actorId, actorName, cancellationToken);
                return null;
            }
            else
            {
                error = result.Failure!.Error;
                copy.RecordCommentsCloseFailed(error, time.GetUtcNow(), closing.Undo);
                entry = new AuditEntry(AuditActions.PostCommentsCloseFailed, actorId, actorName, "post", copy.PostId.ToString("D"), $"{where}: comments still open, tried again: {error}");
                logger.LogWarning("Turning comments off under a copy of post {PostId} on account {AccountId} failed: {Error}", copy.PostId, account.Id, error);
            }
        }
        await audit.SaveWithAuditAsync(db, entry, cancellationToken);
        return error;
    }

    private static SendResult NotConnected(string accountName) =>
        SendResult.Failed(new PlatformFailure($"{accountName} is not connected: an administrator must add its credentials.", Retryable: false, NeedsReconnect: true));
}
