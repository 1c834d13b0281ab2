using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// The comms desk for posts: draft, submit, approve or reject (with the version), schedule or send now, retry a copy
/// that failed. Every action is checked against who may post where, saved with its audit entry in one transaction,
/// and refused with errors by field (nothing saved) when the input is wrong.
/// </summary>
public sealed class PostDesk(BlueLampDbFactory dbs, AuditTrail audit, PlatformLimits limits, PostScheduler scheduler, CopySender sender, CommentHold holds, TimeProvider time)
{
    private const int AuditTextLimit = 3000;

    /// <summary>The accounts this person may post to.</summary>
    public async Task<IReadOnlyList<Account>> AccountsForAsync(PostActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var accounts = await db.Accounts.AsNoTracking().ToListAsync(cancellationToken);
        return accounts.Where(a => PostingPolicy.MayTarget(actor.Author, a) is null).OrderBy(a => a.Platform).ThenBy(a => a.DisplayName).ToList();
    }

    /// <summary>Posts the person works on: all of the force's for comms and supervisors, their own for contributors.</summary>
    public async Task<IReadOnlyList<PostSummary>> ListAsync(PostActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var query = db.Posts.AsNoTracking();
        if (!actor.IsCommsOfficer && !actor.IsSupervisor)
            query = query.Where(p => p.AuthorId == actor.UserId);
        var posts = await query.OrderByDescending(p => p.UpdatedAt).Take(200).ToListAsync(cancellationToken);
        var flagged = await db.Appeals.AsNoTracking().Where(a => a.ReviewFlaggedAt != null).Select(a => a.PostId).ToListAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostsListed, actor.UserId, actor.DisplayName, "post", null, $"{posts.Count} posts listed"), cancellationToken);
        return posts.Select(p => new PostSummary(p.Id, p.Purpose, Excerpt(p.Content.Body), p.Status, p.AuthorName, p.Version, p.ScheduledFor, p.UpdatedAt, p.AccountIds.Count, flagged.Contains(p.Id))).ToList();
    }

    public async Task<PostDetails?> GetAsync(PostActor actor, Guid postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null || !MaySee(actor, post))
            return null;
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.PostId == postId, cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().Where(a => post.AccountIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var copies = await db.PostCopies.AsNoTracking().Where(c => c.PostId == postId).ToListAsync(cancellationToken);
        var names = await db.Accounts.AsNoTracking().Where(a => copies.Select(c => c.AccountId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
        // Reading a post (its words, its appeal and where it went) is audited like reading a conversation.
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostViewed, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"version {post.Version}, {post.Status}"), cancellationToken);
        var notHidden = copies.Any(c => c.CommentsState is not null) ? await holds.FailedAsync(db, postId, cancellationToken) : [];
        return new PostDetails(post, appeal, accounts,
            copies.OrderBy(c => c.Platform).ThenBy(c => names.GetValueOrDefault(c.AccountId)).ThenBy(c => c.Language)
                .Select(c => new CopyView(c, names.GetValueOrDefault(c.AccountId) ?? "?")).ToList(),
            notHidden);
    }

    /// <summary>Saves a draft (new when <paramref name="postId"/> is null). The accounts and case reference are checked; limits are checked on submit.</summary>
    public async Task<PublishingResult> SaveDraftAsync(PostActor actor, Guid? postId, PostDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = dbs.ForForce(actor.ForceId);
        var (post, appeal, problems) = await StageAsync(db, actor, postId, draft, fullCheck: false, cancellationToken);
        if (post is null)
            return problems.Count > 0 ? PublishingResult.Invalid(problems) : PublishingResult.NotFound();
        var created = db.Entry(post).State == EntityState.Added;
        return await SaveAsync(db, new AuditEntry(created ? AuditActions.PostDrafted : AuditActions.PostEdited, actor.UserId, actor.DisplayName, "post", post.Id.ToString("D"),
            $"version {post.Version}, {post.Purpose}{(appeal is null ? "" : $", case {appeal.CaseReference}")}: {Clip(post.Content.Body)}"), post.Id, cancellationToken);
    }

    /// <summary>
    /// Saves and submits a post for approval, after every check a platform would make. A contributor granted direct
    /// posting, and a comms officer, have it approved at once (an appeal waits for the SIO's or OIC's authorisation).
    /// </summary>
    public async Task<PublishingResult> SubmitAsync(PostActor actor, Guid? postId, PostDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = dbs.ForForce(actor.ForceId);
        var (post, appeal, problems) = await StageAsync(db, actor, postId, draft, fullCheck: true, cancellationToken);
        if (post is null || problems.Count > 0)
            return problems.Count > 0 ? PublishingResult.Invalid(problems) : PublishingResult.NotFound();

        var warnings = draft.Purpose.IsAppeal() ? ContemptCheck.Check([draft.Body, draft.WelshBody, .. draft.Tailored?.Values ?? []]) : [];
        if (warnings.Count > 0 && !draft.AcknowledgeContemptWarning)
            return PublishingResult.Refused(
                "Contempt of court risk: " + string.Join(" ", warnings.Select(w => $"\"{w.Phrase}\": {w.Why}"))
                + " Remove it, or confirm you have read this warning to send it on.", "contempt");

        var now = time.GetUtcNow();
        if (post.Submit(now, warnings.Count > 0 ? actor.DisplayName : null) is { } refused)
            return PublishingResult.Refused(refused);
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostSubmitted, actor.UserId, actor.DisplayName, "post", post.Id.ToString("D"),
                $"version {post.Version}, {post.Purpose} to {post.AccountIds.Count} accounts: {Clip(post.Content.Body)}"), cancellationToken);
            if (warnings.Count > 0)
                await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ContemptWarningAcknowledged, actor.UserId, actor.DisplayName, "post", post.Id.ToString("D"),
                    $"version {post.Version}: sent on despite {string.Join(", ", warnings.Select(w => $"\"{w.Phrase}\""))}"), cancellationToken);
            var notes = new List<string>();
            if (!PostingPolicy.NeedsApproval(actor.Author))
            {
                if (appeal is { IsAuthorised: false })
                    notes.Add("The appeal waits for the SIO's or OIC's authorisation before it can be approved.");
                else
                {
                    post.Approve(post.Version, actor.UserId, actor.DisplayName, now);
                    await audit.SaveWithAuditAsync(db, ApprovedEntry(actor, post, actor.IsCommsOfficer ? "comms officer's own post" : "direct posting granted"), cancellationToken);
                }
            }
            await transaction.CommitAsync(cancellationToken);
            return PublishingResult.Done(post.Id, notes);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PublishingResult.Refused("Someone changed this post at the same moment: open it again.");
        }
    }

    /// <summary>A comms officer approves exactly the version they read.</summary>
    public async Task<PublishingResult> ApproveAsync(PostActor actor, Guid postId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!PostingPolicy.MayApprove(actor.Author))
            return PublishingResult.Refused("Only a comms officer approves posts.");
        await using var db = dbs.ForForce(actor.ForceId);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
            return PublishingResult.NotFound();
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.PostId == postId, cancellationToken);
        if (appeal is { IsAuthorised: false })
            return PublishingResult.Refused("An appeal is published only with the SIO's or OIC's authorisation: record their decision, rationale and risk assessment first.", "authorisation");
        var accounts = await db.Accounts.AsNoTracking().Where(a => post.AccountIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var problems = limits.Check(post.Content, accounts.Select(a => a.Platform));
        if (problems.Count > 0)
            return PublishingResult.Invalid(problems);
        if (post.Approve(version, actor.UserId, actor.DisplayName, time.GetUtcNow()) is { } refused)
            return PublishingResult.Refused(refused);
        return await SaveAsync(db, ApprovedEntry(actor, post, null), postId, cancellationToken);
    }

    public async Task<PublishingResult> RejectAsync(PostActor actor, Guid postId, int version, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!PostingPolicy.MayApprove(actor.Author))
            return PublishingResult.Refused("Only a comms officer rejects posts.");
        await using var db = dbs.ForForce(actor.ForceId);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
            return PublishingResult.NotFound();
        if (post.Reject(version, reason, actor.DisplayName, time.GetUtcNow()) is { } refused)
            return PublishingResult.Refused(refused, string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < Post.MinReasonLength ? "reason" : "");
        return await SaveAsync(db, new AuditEntry(AuditActions.PostRejected, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"version {version}: {post.RejectionReason}"), postId, cancellationToken);
    }

    /// <summary>Schedules the approved version for <paramref name="at"/>, or sends it now when null. During a lockdown it is held (incident updates excepted).</summary>
    public async Task<PublishingResult> ScheduleAsync(PostActor actor, Guid postId, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
            return PublishingResult.NotFound();
        var ownDirect = post.AuthorId == actor.UserId && !PostingPolicy.NeedsApproval(actor.Author);
        if (!actor.IsCommsOfficer && !ownDirect)
            return PublishingResult.Refused("A comms officer schedules this post once it is approved.");
        var now = time.GetUtcNow();
        var lockdown = await db.Lockdowns.AsNoTracking().Where(l => l.EndedAt == null).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
        var hold = post.Purpose == PostPurpose.IncidentUpdate ? null : lockdown;
        var when = at ?? now;
        if (post.Schedule(when, actor.DisplayName, now, hold) is { } refused)
            return PublishingResult.Refused(refused, "scheduledFor");
        var result = await SaveAsync(db, new AuditEntry(AuditActions.PostScheduled, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"version {post.ApprovedVersion} {(at is null ? "sent now" : $"for {when:yyyy-MM-dd HH:mm} UTC")}{(hold is null ? "" : "; held by the critical-incident lockdown")}"), postId, cancellationToken);
        if (result.Succeeded && hold is null && when <= now.AddSeconds(1))
            scheduler.Wake();
        return hold is null ? result : result with { Notes = ["A critical-incident lockdown is on: the post is held until it is released."] };
    }

    /// <summary>Sends a copy that failed (or whose send was interrupted) again, now.</summary>
    public async Task<PublishingResult> RetryCopyAsync(PostActor actor, Guid copyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var copy = await db.PostCopies.SingleOrDefaultAsync(c => c.Id == copyId, cancellationToken);
        if (copy is null)
            return PublishingResult.NotFound();
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == copy.PostId, cancellationToken);
        if (!actor.IsCommsOfficer && post.AuthorId != actor.UserId)
            return PublishingResult.Refused("Only a comms officer or the post's author can retry it.");
        // An English copy goes again with its account's Welsh copy when that did not go out either: Welsh first, never later.
        var welsh = copy.Language == PostLanguage.English
            ? await db.PostCopies.SingleOrDefaultAsync(c => c.PostId == copy.PostId && c.AccountId == copy.AccountId && c.Language == PostLanguage.Welsh
                && (c.State == CopyState.Failed || c.State == CopyState.Unknown), cancellationToken)
            : null;
        var retried = new List<PostCopy> { copy };
        if (welsh is not null)
            retried.Insert(0, welsh);
        var entries = new List<AuditEntry>();
        foreach (var again in retried)
        {
            var error = again.Error;
            if (again.PrepareRetry() is { } refused)
                return PublishingResult.Refused(refused);
            entries.Add(new AuditEntry(AuditActions.PostCopyRetried, actor.UserId, actor.DisplayName, "post", copy.PostId.ToString("D"), $"{again.Platform} ({again.Language}) after: {error}"));
        }
        await audit.SaveWithAuditAsync(db, entries, alsoInTransaction: null, cancellationToken);
        await sender.SendTogetherAsync(db, retried.Select(c => c.Id).ToList(), post.ApprovedContent?.Images ?? [], cancellationToken);
        var after = await db.PostCopies.AsNoTracking().SingleAsync(c => c.Id == copyId, cancellationToken);
        return after.State == CopyState.Published ? PublishingResult.Done(copy.PostId) : PublishingResult.Refused(after.Error ?? "The copy was not published.");
    }

    /// <summary>Builds (or changes) the post in the context without saving; problems by field when the input is wrong.</summary>
    private async Task<(Post? Post, Appeal? Appeal, IReadOnlyList<PostProblem> Problems)> StageAsync(
        BlueLampDb db, PostActor actor, Guid? postId, PostDraft draft, bool fullCheck, CancellationToken cancellationToken)
    {
        var problems = new List<PostProblem>();
        var content = draft.ToContent();
        var accountIds = (draft.AccountIds ?? []).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToListAsync(cancellationToken);
        if (accountIds.Count == 0)
            problems.Add(new PostProblem("accounts", "Choose at least one account."));
        else if (accounts.Count != accountIds.Count)
            problems.Add(new PostProblem("accounts", "One of the accounts does not exist."));
        foreach (var account in accounts)
        {
            if (PostingPolicy.MayTarget(actor.Author, account) is { } notAllowed)
                problems.Add(new PostProblem("accounts", notAllowed, account.Platform));
        }
        if (fullCheck)
            problems.AddRange(limits.Check(content, accounts.Select(a => a.Platform)));
        else if (string.IsNullOrWhiteSpace(content.Body))
            problems.Add(new PostProblem("body", "Write the post."));
        if (draft.Purpose.IsAppeal() && !Appeal.IsValidReference(draft.CaseReference))
            problems.Add(new PostProblem("caseReference", "An appeal needs its case reference (crime or occurrence number)."));
        else if (!string.IsNullOrWhiteSpace(draft.CaseReference) && !Appeal.IsValidReference(draft.CaseReference))
            problems.Add(new PostProblem("caseReference", "A case reference is letters, digits, spaces, / and -."));

        var now = time.GetUtcNow();
        Post? post;
        Appeal? appeal = null;
        if (postId is null)
        {
            if (problems.Count > 0)
                return (null, null, problems);
            post = Post.Draft(Guid.CreateVersion7(), actor.ForceId, draft.Purpose, content, accountIds, actor.UserId, actor.DisplayName, now);
            db.Posts.Add(post);
        }
        else
        {
            post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
            if (post is null || !MaySee(actor, post))
                return (null, null, problems);
            if (post.AuthorId != actor.UserId && !actor.IsCommsOfficer)
                problems.Add(new PostProblem("", "Only the author or a comms officer can change this post."));
            appeal = await db.Appeals.SingleOrDefaultAsync(a => a.PostId == post.Id, cancellationToken);
            if (appeal is not null && !string.Equals(appeal.CaseReference, draft.CaseReference?.Trim(), StringComparison.OrdinalIgnoreCase))
                problems.Add(new PostProblem("caseReference", $"This appeal is for case {appeal.CaseReference}; write a new post for another case."));
            if (problems.Count > 0)
                return (null, null, problems);
            if (post.Edit(draft.Purpose, content, accountIds, now) is { } refused)
                return (null, null, [new PostProblem("", refused)]);
        }
        post.ReferTo(draft.CaseReference);
        if (draft.Purpose.IsAppeal() && appeal is null)
        {
            appeal = new Appeal(Guid.CreateVersion7(), actor.ForceId, post.Id, draft.CaseReference!, now);
            db.Appeals.Add(appeal);
        }
        return (post, appeal, []);
    }

    private async Task<PublishingResult> SaveAsync(BlueLampDb db, AuditEntry entry, Guid postId, CancellationToken cancellationToken)
    {
        try
        {
            await audit.SaveWithAuditAsync(db, entry, cancellationToken);
            return PublishingResult.Done(postId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PublishingResult.Refused("Someone changed this post at the same moment (or it has started going out): open it again.");
        }
    }

    private static AuditEntry ApprovedEntry(PostActor actor, Post post, string? why) =>
        new(AuditActions.PostApproved, actor.UserId, actor.DisplayName, "post", post.Id.ToString("D"),
            $"version {post.ApprovedVersion}{(why is null ? "" : $" ({why})")}: {Clip(post.Content.Body)}"
            + (post.Content.HasWelsh ? $" | Cymraeg: {Clip(post.Content.WelshBody!)}" : "")
            + (post.Content.Images.Count > 0 ? $" | images: {string.Join("; ", post.Content.Images.Select(i => $"{i.Url} (alt: {i.AltText})"))}" : ""));

    private static bool MaySee(PostActor actor, Post post) => actor.IsCommsOfficer || actor.IsSupervisor || post.AuthorId == actor.UserId;

    private static string Clip(string text) => text.Length <= AuditTextLimit / 2 ? text : text[..(AuditTextLimit / 2)] + "…";

    internal static string Excerpt(string text) => text.Length <= 90 ? text : text[..90].TrimEnd() + "…";
}
