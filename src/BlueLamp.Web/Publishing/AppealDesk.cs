using BlueLamp.Core.Audit;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// An appeal's life cycle: the SIO's or OIC's authorisation, and the change of case status that takes every copy down
/// from every account in one action (or replaces it with a "found, thank you" update), recording each removal. A copy
/// whose removal fails is kept marked and tried again until it is gone.
/// </summary>
public sealed class AppealDesk(BlueLampDbFactory dbs, AuditTrail audit, PlatformLimits limits, CopySender sender, CommentHold holds, PostScheduler scheduler, TimeProvider time)
{
    /// <summary>Records the SIO's or OIC's decision, rationale and risk assessment.</summary>
    public async Task<PublishingResult> AuthoriseAsync(PostActor actor, Guid postId, AuthorisationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsCommsOfficer && !actor.IsSupervisor)
            return PublishingResult.Refused("A comms officer or supervisor records the SIO's or OIC's decision.");
        await using var db = dbs.ForForce(actor.ForceId);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.PostId == postId, cancellationToken);
        if (appeal is null)
            return PublishingResult.NotFound();
        var authorisation = new AppealAuthorisation(input.Decision, input.OfficerName ?? "", input.OfficerRole ?? "", input.Rationale ?? "", input.RiskAssessment ?? "",
            actor.UserId, actor.DisplayName, time.GetUtcNow());
        var problems = appeal.Authorise(authorisation);
        if (problems.Count > 0)
            return PublishingResult.Invalid(problems);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.AppealAuthorised, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"case {appeal.CaseReference}: {input.Decision} by {authorisation.OfficerRole} {authorisation.OfficerName.Trim()}. Rationale: {authorisation.Rationale.Trim()}. Risk: {authorisation.RiskAssessment.Trim()}"), cancellationToken);
        return PublishingResult.Done(postId);
    }

    /// <summary>What changing the case to <paramref name="to"/> would require, to prompt before the change.</summary>
    public async Task<(AppealAction? Action, string? Refusal)> PreviewAsync(PostActor actor, Guid postId, CaseStatus to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.PostId == postId, cancellationToken);
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        return appeal is null || post is null ? (null, "That appeal does not exist.") : AppealRules.Required(post.Purpose, appeal.CaseStatus, to);
    }

    /// <summary>
    /// Moves the case on and does what that requires, across every account in one step: every live copy comes down
    /// (and the removal is recorded), or, for a found person and by choice, a short update replaces it.
    /// </summary>
    public async Task<PublishingResult> ChangeStatusAsync(PostActor actor, Guid postId, CaseStatus to, bool replace, string? replacementText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCommsOfficer)
            return PublishingResult.Refused("A comms officer runs an appeal's life cycle.");
        await using var db = dbs.ForForce(actor.ForceId);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.PostId == postId, cancellationToken);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (appeal is null || post is null)
            return PublishingResult.NotFound();
        var from = appeal.CaseStatus;
        var now = time.GetUtcNow();
        var (action, refusal) = appeal.ChangeStatus(post.Purpose, to, actor.DisplayName, now);
        if (refusal is not null)
            return PublishingResult.Refused(refusal, "caseStatus");
        if (replace && !action!.MayReplace)
            return PublishingResult.Refused("Only a found person's appeal is replaced by an update; the others come down.", "replace");

        var live = await db.PostCopies.Where(c => c.PostId == postId && (c.State == CopyState.Published || c.State == CopyState.WithdrawFailed)).ToListAsync(cancellationToken);
        Post? replacement = null;
        if (replace)
        {
            var text = string.IsNullOrWhiteSpace(replacementText) ? action!.SuggestedReplacement! : replacementText.Trim();
            var accountIds = live.Select(c => c.AccountId).Distinct().ToList();
            var platforms = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => a.Platform).ToListAsync(cancellationToken);
            var content = new PostContent(text, null, []);
            // The update carries no image, so it cannot go to Instagram, which needs one: there the appeal simply comes down.
            var problems = limits.Check(content, platforms.Where(p => p != BlueLamp.Core.Accounts.Platform.Instagram));
            if (problems.Count > 0)
                return PublishingResult.Invalid(problems.Select(p => p with { Field = "replacementText" }));
            var targets = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id) && a.Platform != BlueLamp.Core.Accounts.Platform.Instagram).Select(a => a.Id).ToListAsync(cancellationToken);
            if (targets.Count > 0)
            {
                replacement = Post.Draft(Guid.CreateVersion7(), actor.ForceId, PostPurpose.IncidentUpdate, content, targets, actor.UserId, actor.DisplayName, now);
                replacement.Submit(now);
                replacement.Approve(replacement.Version, actor.UserId, actor.DisplayName, now);
                replacement.Schedule(now, actor.DisplayName, now);
                db.Posts.Add(replacement);
                appeal.ReplacedBy(replacement.Id);
            }
        }
        var removeAll = action!.Kind == AppealActionKind.RemoveEveryCopy;
        // A post that has not gone out yet never will: the case has moved on.
        if (removeAll && post.Status is PostStatus.Draft or PostStatus.Submitted or PostStatus.Approved or PostStatus.Scheduled or PostStatus.Held or PostStatus.Rejected)
            post.MarkWithdrawn(now);

        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.AppealStatusChanged, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
                $"case {appeal.CaseReference}: {AppealRules.Describe(from)} → {AppealRules.Describe(to)}. {action.Prompt}"
                + (removeAll ? $" Removing {live.Count} copies." : "")), cancellationToken);
            if (replacement is not null)
                await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostApproved, actor.UserId, actor.DisplayName, "post", replacement.Id.ToString("D"),
                    $"version 1 (replaces appeal {appeal.CaseReference}), sent now: {replacement.Content.Body}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var notes = new List<string> { action.Prompt };
        if (removeAll)
        {
            var reason = $"case {appeal.CaseReference} {AppealRules.Describe(to)}";
            notes.AddRange(await WithdrawAsync(db, postId, live.Select(c => c.Id).ToList(), reason, actor, cancellationToken));
        }
        if (action.CloseCommentsOnRelated)
            notes.AddRange(await CloseCommentsOnRelatedAsync(db, postId, appeal.CaseReference, $"case {appeal.CaseReference} {AppealRules.Describe(to)}", actor, cancellationToken));
        if (replacement is not null)
        {
            scheduler.Wake();
            notes.Add("A \"found, thank you\" update goes out now in its place.");
        }
        return PublishingResult.Done(postId, notes);
    }

    /// <summary>Tries again, now, every copy whose removal failed.</summary>
    public async Task<PublishingResult> RetryWithdrawalsAsync(PostActor actor, Guid postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCommsOfficer)
            return PublishingResult.Refused("A comms officer runs an appeal's life cycle.");
        await using var db = dbs.ForForce(actor.ForceId);
        var failed = await db.PostCopies.AsNoTracking().Where(c => c.PostId == postId && c.State == CopyState.WithdrawFailed)
            .Select(c => new { c.Id, c.WithdrawalReason }).ToListAsync(cancellationToken);
        if (failed.Count == 0)
            return PublishingResult.Refused("No copy of this post is waiting to come down.");
        var notes = new List<string>();
        foreach (var group in failed.GroupBy(c => c.WithdrawalReason ?? "withdrawal retried"))
            notes.AddRange(await WithdrawAsync(db, postId, group.Select(c => c.Id).ToList(), group.Key, actor, cancellationToken));
        return PublishingResult.Done(postId, notes);
    }

    /// <summary>Comms reviewed an appeal past its review date and keeps it up for another period.</summary>
    public async Task<PublishingResult> ReviewedAsync(PostActor actor, Guid postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCommsOfficer)
            return PublishingResult.Refused("A comms officer reviews appeals.");
        await using var db = dbs.ForForce(actor.ForceId);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.PostId == postId, cancellationToken);
        if (appeal is null)
            return PublishingResult.NotFound();
        appeal.Reviewed(time.GetUtcNow());
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.AppealReviewed, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"case {appeal.CaseReference} kept up; next review {appeal.ReviewDueAt:yyyy-MM-dd}"), cancellationToken);
        return PublishingResult.Done(postId);
    }

    /// <summary>
    /// The case's other posts that stay up (an incident update with the same case reference): comments turned off
    /// under each live copy where its platform allows, and held by hiding each one where it can only hide them.
    /// </summary>
    private async Task<List<string>> CloseCommentsOnRelatedAsync(BlueLampDb db, Guid postId, string caseReference, string reason, PostActor actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var related = await db.PostCopies.AsNoTracking()
            .Where(c => c.PostId != postId && c.State == CopyState.Published && (c.CommentsState == null || c.CommentsState == CommentsState.Reopened))
            .Join(db.Posts.Where(p => p.CaseReference == caseReference), c => c.PostId, p => p.Id, (c, p) => c.Id)
            .ToListAsync(cancellationToken);
        if (related.Count == 0)
            return [];
        foreach (var copyId in related)
            await sender.CloseCommentsAsync(db, copyId, reason, actor.UserId, actor.DisplayName, cancellationToken);
        // Where the platform cannot turn comments off, the ones already there are hidden now; new ones as they arrive.
        var hidden = 0;
        var stillVisible = new List<string>();
        foreach (var copyId in related)
        {
            if (await holds.HideUnderAsync(db, copyId, actor.UserId, actor.DisplayName, cancellationToken) is not { } outcome)
                continue;
            hidden += outcome.Hidden;
            if (outcome.StillVisible > 0)
                stillVisible.Add($"{outcome.StillVisible} comments still visible, tried again automatically: {outcome.LastError}");
        }
        db.ChangeTracker.Clear();
        var results = await db.PostCopies.AsNoTracking().Where(c => related.Contains(c.Id)).ToListAsync(cancellationToken);
        var notes = new List<string> { $"Comments turned off under {results.Count(c => c.CommentsState == CommentsState.Closed)} of {results.Count} copies of the case's other posts." };
        var held = results.Where(c => c.CommentsHeld).ToList();
        if (held.Count > 0)
        {
            notes.Add($"Comments held under {held.Count} of {results.Count} copies by hiding each one: {hidden} hidden now, and each new one as it arrives.");
            notes.AddRange(held.Select(c => c.Platform).Distinct().Select(p => $"{p}: {held.First(c => c.Platform == p).CommentsNote}"));
            notes.AddRange(stillVisible);
        }
        notes.AddRange(results.Where(c => c.CommentsState == CommentsState.NotPossible).Select(c => c.Platform).Distinct()
            .Select(p => $"{p}: {results.First(c => c.Platform == p && c.CommentsState == CommentsState.NotPossible).CommentsNote}"));
        notes.AddRange(results.Where(c => c.CommentsState == CommentsState.CloseFailed).Select(c => $"{c.Platform}: comments still open, tried again automatically: {c.CommentsNote}"));
        return notes;
    }

    private async Task<List<string>> WithdrawAsync(BlueLampDb db, Guid postId, IReadOnlyList<Guid> copyIds, string reason, PostActor actor, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var removed = 0;
        foreach (var copyId in copyIds)
        {
            if (await sender.WithdrawAsync(db, copyId, reason, actor.UserId, actor.DisplayName, cancellationToken) is { } error)
                notes.Add($"Still up, tried again automatically until it comes down: {error}");
            else
                removed++;
        }
        notes.Insert(0, $"{removed} of {copyIds.Count} copies taken down.");
        await PostScheduler.MarkWithdrawnWhenAllDownAsync(db, postId, time.GetUtcNow(), cancellationToken);
        return notes;
    }
}
