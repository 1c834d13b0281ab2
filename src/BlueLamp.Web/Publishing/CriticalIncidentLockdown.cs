using BlueLamp.Core.Audit;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// During a major incident one action holds every scheduled post of the force, shows what was held, and releases
/// them one by one or all at once. Posts scheduled during the lockdown are held too, except incident updates.
/// </summary>
public sealed class CriticalIncidentLockdown(BlueLampDbFactory dbs, AuditTrail audit, PostScheduler scheduler, TimeProvider time)
{
    public async Task<Lockdown?> ActiveAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        return await db.Lockdowns.AsNoTracking().Where(l => l.EndedAt == null).OrderByDescending(l => l.StartedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The posts being held, soonest first.</summary>
    public async Task<IReadOnlyList<PostSummary>> HeldAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var held = await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Held).OrderBy(p => p.ScheduledFor).ToListAsync(cancellationToken);
        return held.Select(p => new PostSummary(p.Id, p.Purpose, PostDesk.Excerpt(p.Content.Body), p.Status, p.AuthorName, p.Version, p.ScheduledFor, p.UpdatedAt, p.AccountIds.Count, false)).ToList();
    }

    /// <summary>Starts a lockdown and holds every scheduled post; the result's notes name what was held.</summary>
    public async Task<PublishingResult> StartAsync(PostActor actor, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayLockDown)
            return PublishingResult.Refused("Only a supervisor or a comms officer can lock down publishing.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
            return PublishingResult.Refused("Say what the incident is, so colleagues know why posts are held.", "reason");
        await using var db = dbs.ForForce(actor.ForceId);
        if (await db.Lockdowns.AnyAsync(l => l.EndedAt == null, cancellationToken))
            return PublishingResult.Refused("A lockdown is already on.");
        var now = time.GetUtcNow();
        var lockdown = new Lockdown(Guid.CreateVersion7(), actor.ForceId, reason, actor.UserId, actor.DisplayName, now);
        db.Lockdowns.Add(lockdown);
        var scheduled = await db.Posts.Where(p => p.Status == PostStatus.Scheduled).ToListAsync(cancellationToken);
        foreach (var post in scheduled)
            post.Hold(lockdown.Id, now);
        var held = scheduled.Select(p => $"{p.Purpose.Describe()} for {p.ScheduledFor:yyyy-MM-dd HH:mm}: {PostDesk.Excerpt(p.Content.Body)}").ToList();
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.LockdownStarted, actor.UserId, actor.DisplayName, "lockdown", lockdown.Id.ToString("D"),
                $"{lockdown.Reason}; held {held.Count} posts" + (held.Count == 0 ? "" : ": " + string.Join(" | ", scheduled.Select(p => p.Id.ToString("D"))))), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A post started going out at this very moment: it cannot be held any more. Try again for the rest.
            return PublishingResult.Refused("A post started going out at this moment; start the lockdown again to hold the rest.");
        }
        return PublishingResult.Done(lockdown.Id, held);
    }

    /// <summary>Releases one held post: it goes out at its time, or at once when that has passed.</summary>
    public async Task<PublishingResult> ReleaseAsync(PostActor actor, Guid postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayLockDown)
            return PublishingResult.Refused("Only a supervisor or a comms officer can release held posts.");
        await using var db = dbs.ForForce(actor.ForceId);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
            return PublishingResult.NotFound();
        if (post.Release(time.GetUtcNow()) is { } refused)
            return PublishingResult.Refused(refused);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostReleased, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
            $"released from the lockdown; goes out {post.ScheduledFor:yyyy-MM-dd HH:mm} UTC or at once if that has passed"), cancellationToken);
        scheduler.Wake();
        return PublishingResult.Done(postId);
    }

    /// <summary>Ends the lockdown and, when <paramref name="releaseAll"/>, releases every held post.</summary>
    public async Task<PublishingResult> EndAsync(PostActor actor, bool releaseAll, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayLockDown)
            return PublishingResult.Refused("Only a supervisor or a comms officer can end a lockdown.");
        await using var db = dbs.ForForce(actor.ForceId);
        var lockdown = await db.Lockdowns.Where(l => l.EndedAt == null).FirstOrDefaultAsync(cancellationToken);
        if (lockdown is null)
            return PublishingResult.Refused("There is no lockdown on.");
        var now = time.GetUtcNow();
        lockdown.End(actor.DisplayName, now);
        var released = 0;
        if (releaseAll)
        {
            foreach (var post in await db.Posts.Where(p => p.Status == PostStatus.Held).ToListAsync(cancellationToken))
            {
                if (post.Release(now) is null)
                    released++;
            }
        }
        var stillHeld = await db.Posts.CountAsync(p => p.Status == PostStatus.Held, cancellationToken) - released;
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.LockdownEnded, actor.UserId, actor.DisplayName, "lockdown", lockdown.Id.ToString("D"),
            $"released {released} posts; {stillHeld} still held"), cancellationToken);
        scheduler.Wake();
        return PublishingResult.Done(lockdown.Id);
    }
}
