using System.Threading.Channels;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Publishes due posts, keeps taking down appeal copies whose removal failed, keeps comments held where proceedings
/// are active (turning them off again where that failed, hiding each new one where the platform can only hide), and
/// flags appeals past their review date. Safe on several nodes sharing one database: a node claims a post with one conditional UPDATE (scheduled and
/// due → publishing, with a lease), and only the node whose update changed the row sends it; each copy is claimed the
/// same way. A node that stops mid-way loses its lease and another finishes the post, without resending a copy that
/// may already be on the platform.
/// </summary>
public sealed class PostScheduler(
    BlueLampDbFactory dbs, CopySender sender, CommentHold holds, CommentHoldLift lifts, AuditTrail audit, IOptionsMonitor<PublishingOptions> options,
    TimeProvider time, ILogger<PostScheduler> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>This node's name in claims.</summary>
    public string NodeName { get; } = options.CurrentValue.NodeName is { Length: > 0 } name ? name : $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Runs a tick now rather than at the next interval ("send now").</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed tick must not stop publishing: the next one tries again.
                logger.LogError(ex, "The post scheduler failed a tick");
            }
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(options.CurrentValue.SchedulerInterval, time, pause.Token);
            var woken = _wake.Reader.WaitToReadAsync(pause.Token).AsTask();
            await Task.WhenAny(delay, woken);
            await pause.CancelAsync();
            _wake.Reader.TryRead(out _);
        }
    }

    /// <summary>One tick over every force; returns how many posts this node published.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> forces;
        await using (var lookup = dbs.Unscoped())
            forces = await lookup.Forces.AsNoTracking().Select(f => f.Id).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var forceId in forces)
        {
            published += await PublishDueAsync(forceId, cancellationToken);
            await RetryWithdrawalsAsync(forceId, cancellationToken);
            await RetryClosingCommentsAsync(forceId, cancellationToken);
            await holds.HideNewCommentsAsync(forceId, cancellationToken);
            await lifts.RetryAsync(forceId, cancellationToken);
            await FlagReviewsAsync(forceId, cancellationToken);
        }
        return published;
    }

    private async Task<int> PublishDueAsync(Guid forceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = dbs.ForForce(forceId);
        var due = await db.Posts.AsNoTracking()
            .Where(p => (p.Status == PostStatus.Scheduled && p.ScheduledFor <= now) || (p.Status == PostStatus.Publishing && p.ClaimedUntil < now))
            .OrderBy(p => p.ScheduledFor)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var postId in due)
        {
            var lease = time.GetUtcNow() + options.CurrentValue.ClaimLease;
            var claimed = await db.Posts
                .Where(p => p.Id == postId && ((p.Status == PostStatus.Scheduled && p.ScheduledFor <= now) || (p.Status == PostStatus.Publishing && p.ClaimedUntil < now)))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.Status, PostStatus.Publishing)
                    .SetProperty(p => p.ClaimedBy, NodeName)
                    .SetProperty(p => p.ClaimedUntil, lease)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), cancellationToken);
            if (claimed == 0)
                continue; // another node has it, or it was held or edited in the meantime
            await PublishClaimedAsync(db, postId, cancellationToken);
            published++;
        }
        return published;
    }

    /// <summary>Sends every copy of a post this node has claimed, English and Welsh together, then marks it published.</summary>
    private async Task PublishClaimedAsync(BlueLampDb db, Guid postId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == postId, cancellationToken);
        var content = post.ApprovedContent ?? throw new InvalidOperationException($"Post {postId} was scheduled without an approved version.");
        var copies = await db.PostCopies.Where(c => c.PostId == postId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (copies.Count == 0)
        {
            var accounts = await db.Accounts.AsNoTracking().Where(a => post.AccountIds.Contains(a.Id)).ToListAsync(cancellationToken);
            foreach (var account in accounts.OrderBy(a => a.Platform).ThenBy(a => a.DisplayName))
            {
                foreach (var language in content.Languages)
                    db.PostCopies.Add(new PostCopy(Guid.CreateVersion7(), post.ForceId, postId, account.Id, account.Platform, language, content.TextFor(account.Platform, language)));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // Taking over from a node that stopped: what it was sending may be on the platform already, so it is not resent.
            foreach (var copy in copies.Where(c => c.State == CopyState.Sending))
                copy.RecordUnknown(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        var pending = await db.PostCopies.AsNoTracking().Where(c => c.PostId == postId && c.State == CopyState.Pending).Select(c => c.Id).ToListAsync(cancellationToken);
        await sender.SendTogetherAsync(db, pending, content.Images, cancellationToken);

        db.ChangeTracker.Clear();
        var finished = await db.Posts.SingleAsync(p => p.Id == postId, cancellationToken);
        now = time.GetUtcNow();
        finished.MarkPublished(now);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.PostId == postId, cancellationToken);
        appeal?.StartReviewClock(now);
        var results = await db.PostCopies.AsNoTracking().Where(c => c.PostId == postId).ToListAsync(cancellationToken);
        var failed = results.Where(c => c.State != CopyState.Published).ToList();
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostPublished, null, CopySender.SystemName, "post", postId.ToString("D"),
            $"version {finished.ApprovedVersion}: {results.Count - failed.Count} of {results.Count} copies published by {NodeName}"
            + (failed.Count == 0 ? "" : "; not published: " + string.Join("; ", failed.Select(f => $"{f.Platform} ({f.Language}): {f.Error}")))
            + (appeal is null ? "" : $"; review due {appeal.ReviewDueAt:yyyy-MM-dd}")), cancellationToken);
    }

    /// <summary>Appeal copies whose removal failed are tried again every tick until they are gone.</summary>
    public async Task<int> RetryWithdrawalsAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        var stale = time.GetUtcNow() - options.CurrentValue.ClaimLease;
        await using var db = dbs.ForForce(forceId);
        var stuck = await db.PostCopies.AsNoTracking()
            .Where(c => c.State == CopyState.WithdrawFailed || (c.State == CopyState.Withdrawing && c.LastAttemptAt < stale))
            .Select(c => new { c.Id, c.PostId, c.WithdrawalReason })
            .ToListAsync(cancellationToken);
        var down = 0;
        foreach (var copy in stuck)
        {
            if (await sender.WithdrawAsync(db, copy.Id, copy.WithdrawalReason ?? "withdrawal retried", null, CopySender.SystemName, cancellationToken) is null)
                down++;
            await MarkWithdrawnWhenAllDownAsync(db, copy.PostId, time.GetUtcNow(), cancellationToken);
        }
        return down;
    }

    /// <summary>Copies whose comments could not be turned off are tried again every tick until they are.</summary>
    public async Task<int> RetryClosingCommentsAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        var stale = time.GetUtcNow() - options.CurrentValue.ClaimLease;
        await using var db = dbs.ForForce(forceId);
        var stuck = await db.PostCopies.AsNoTracking()
            .Where(c => c.State == CopyState.Published
                && (c.CommentsState == CommentsState.CloseFailed || (c.CommentsState == CommentsState.Closing && c.CommentsChangedAt < stale)))
            .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { c.Id, p.CaseReference })
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var copy in stuck)
        {
            if (await sender.CloseCommentsAsync(db, copy.Id, $"case {copy.CaseReference}: retried", null, CopySender.SystemName, cancellationToken) is null)
                closed++;
        }
        return closed;
    }

    /// <summary>When no copy of a post is live any more, the post is withdrawn.</summary>
    internal static async Task MarkWithdrawnWhenAllDownAsync(BlueLampDb db, Guid postId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var live = await db.PostCopies.AnyAsync(c => c.PostId == postId && c.State != CopyState.Withdrawn, cancellationToken);
        if (live)
            return;
        var post = await db.Posts.SingleAsync(p => p.Id == postId, cancellationToken);
        if (post.Status == PostStatus.Withdrawn)
            return;
        post.MarkWithdrawn(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node marked it at the same moment.
        }
    }

    /// <summary>Appeals past their review date are flagged to comms, once, by one node.</summary>
    public async Task<int> FlagReviewsAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = dbs.ForForce(forceId);
        var due = await db.Appeals.AsNoTracking()
            .Where(a => a.ReviewDueAt <= now && a.ReviewFlaggedAt == null && a.CaseStatus != CaseStatus.Found && a.CaseStatus != CaseStatus.Closed)
            .Select(a => new { a.Id, a.PostId, a.CaseReference, a.ReviewDueAt })
            .ToListAsync(cancellationToken);
        var flagged = 0;
        foreach (var appeal in due)
        {
            await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
            var changed = await db.Appeals.Where(a => a.Id == appeal.Id && a.ReviewFlaggedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.ReviewFlaggedAt, now), cancellationToken);
            if (changed == 0)
                continue;
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.AppealReviewDue, null, CopySender.SystemName, "post", appeal.PostId.ToString("D"),
                $"appeal {appeal.CaseReference} was due for review {appeal.ReviewDueAt:yyyy-MM-dd HH:mm} UTC"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            flagged++;
        }
        return flagged;
    }
}
