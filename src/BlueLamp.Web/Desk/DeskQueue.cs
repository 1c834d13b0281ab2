using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Data.Search;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Desk;

/// <summary>The queue of open conversations, and who holds which: claimed atomically in the database, reassigned by supervisors, audited.</summary>
public sealed class DeskQueue(BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, TimeProvider time)
{
    /// <summary>Open conversations matching the filter: most urgent grade first, then the newest message from the public.</summary>
    public async Task<IReadOnlyList<QueueItem>> ListOpenAsync(DeskUser user, QueueFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        filter ??= QueueFilter.All;
        await using var db = dbs.ForForce(user.ForceId);
        var conversations = db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Open);
        if (filter.Mine)
            conversations = conversations.Where(c => c.AssignedToUserId == user.UserId);
        if (filter.Unassigned)
            conversations = conversations.Where(c => c.AssignedToUserId == null);
        if (filter.Grade is { } grade)
            conversations = conversations.Where(c => c.Grade == grade);
        if (filter.AccountId is { } accountId)
            conversations = conversations.Where(c => c.AccountId == accountId);
        if (filter.Conversations is { } only)
            conversations = conversations.Where(c => only.Contains(c.Id));
        var terms = MessageSearch.Terms(filter.Search);
        if (terms.Count > 0)
        {
            // Only open conversations' messages are searched: the queue never shows the rest.
            var matching = MessageSearch.MatchingOpenConversations(db, terms);
            conversations = conversations.Where(c => matching.Contains(c.Id));
        }

        var accounts = db.Accounts.AsQueryable();
        if (filter.Platform is { } platform)
            accounts = accounts.Where(a => a.Platform == platform);
        if (filter.AreaId is { } areaId)
            accounts = accounts.Where(a => a.AreaId == areaId);

        var rows = await (
                from c in conversations
                join a in accounts on c.AccountId equals a.Id
                join p in db.People on c.PersonId equals p.Id
                select new QueueItem(c.Id, a.Platform, a.DisplayName, p.DisplayName, c.Preview, c.Grade, c.Status,
                    c.AwaitingReply, c.LastInboundAt, c.LastMessageAt, c.AssignedToUserId, c.AssignedToName,
                    c.LifeAtRisk, c.SlaDueAt, c.BreachedDueAt, c.CategoryCode, c.EngineGrade, c.ClusterId, c.ReviewDueAt, c.FirstLookWaitingSince, null))
            .ToListAsync(cancellationToken);
        if (rows.Any(r => r.FirstLookWaitingSince is not null))
        {
            var firstLook = await Triage.ForceLifeAtRiskSettings.FirstLookAsync(db, user.ForceId, cancellationToken);
            rows = rows.Select(r => r.FirstLookWaitingSince is null ? r : r with { FirstLookDueAt = firstLook.DueAt(r.FirstLookWaitingSince) }).ToList();
        }
        return Order(rows);
    }

    /// <summary>
    /// The queue after a live update: the <paramref name="changed"/> conversations' old lines are replaced by their
    /// <paramref name="current"/> ones (read with <see cref="QueueFilter.Conversations"/>), or dropped when they have
    /// left the queue (closed, or no longer matching the filter), and the result is in queue order again.
    /// </summary>
    public static IReadOnlyList<QueueItem> Merge(IReadOnlyList<QueueItem> queue, IReadOnlySet<Guid> changed, IReadOnlyList<QueueItem> current) =>
        Order(queue.Where(i => !changed.Contains(i.ConversationId)).Concat(current));

    /// <summary>
    /// Life at risk first, whatever else; then by grade (not yet assessed counts as priority, so nothing waits behind
    /// routine work only because triage has not run; nor does a private message no operator has looked at yet, whatever
    /// grade the engine gave it, because the engine misses some lives at risk); then the nearest deadline, the first
    /// look's where that is earlier (overdue first); then the more urgent grade; then the newest.
    /// </summary>
    public static IReadOnlyList<QueueItem> Order(IEnumerable<QueueItem> rows) =>
        rows
            .OrderByDescending(r => r.LifeAtRisk)
            .ThenBy(r => Math.Min((int)(r.Grade ?? Grade.Priority), r.FirstLookDueAt is null ? int.MaxValue : (int)Grade.Priority))
            .ThenByDescending(r => r.NeedsAttention)
            .ThenBy(r => r.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => (int)(r.Grade ?? Grade.Priority))
            .ThenByDescending(r => r.LastInboundAt ?? r.LastMessageAt)
            .ToList();

    /// <summary>
    /// Takes a conversation for the operator. The database decides between two operators claiming at once:
    /// one conditional UPDATE succeeds, the other finds it held and is told by whom.
    /// </summary>
    public Task<ClaimResult> ClaimAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default) =>
        AssignAsync(user, conversationId, user, onlyIfFree: true, AuditActions.ConversationClaimed, null, cancellationToken);

    /// <summary>A supervisor gives a conversation to another operator (or takes it), whoever holds it now.</summary>
    public async Task<ClaimResult> ReassignAsync(DeskUser supervisor, Guid conversationId, string toUserId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (string.IsNullOrWhiteSpace(reason))
            return ClaimResult.Refused("Give a reason for the reassignment.");
        await using var lookup = dbs.Unscoped();
        var target = await lookup.Users.AsNoTracking()
            .Where(u => u.Id == toUserId && u.ForceId == supervisor.ForceId)
            .Select(u => new { u.Id, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (target is null)
            return ClaimResult.Refused("Choose an operator of this force.");
        return await AssignAsync(supervisor, conversationId, new DeskUser(target.Id, target.DisplayName, supervisor.ForceId),
            onlyIfFree: false, AuditActions.ConversationReassigned, $"to {target.DisplayName}: {reason.Trim()}", cancellationToken);
    }

    /// <summary>The force's operators and supervisors, who can be given a conversation.</summary>
    public async Task<IReadOnlyList<(string UserId, string DisplayName)>> DeskStaffAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var lookup = dbs.Unscoped();
        var deskRoles = new[] { Core.Identity.Roles.Operator, Core.Identity.Roles.Supervisor };
        var staff = await (
                from u in lookup.Users.AsNoTracking()
                join ur in lookup.UserRoles on u.Id equals ur.UserId
                join r in lookup.Roles on ur.RoleId equals r.Id
                where u.ForceId == forceId && deskRoles.Contains(r.Name!)
                select new { u.Id, u.DisplayName })
            .Distinct()
            .ToListAsync(cancellationToken);
        return staff.OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(s => (s.Id, s.DisplayName)).ToList();
    }

    /// <summary>Lets go of a conversation so another operator can take it.</summary>
    public async Task<ClaimResult> ReleaseAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var released = await db.Conversations
            .Where(c => c.Id == conversationId && c.AssignedToUserId == user.UserId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.AssignedToUserId, (string?)null)
                .SetProperty(c => c.AssignedToName, (string?)null)
                .SetProperty(c => c.AssignedAt, (DateTimeOffset?)null)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (released == 0)
            return ClaimResult.Refused("You do not hold this conversation.");
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationReleased, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D")), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.AssignmentChanged), cancellationToken);
        return ClaimResult.Claimed();
    }

    private async Task<ClaimResult> AssignAsync(DeskUser actor, Guid conversationId, DeskUser assignee, bool onlyIfFree, string action, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var candidates = db.Conversations.Where(c => c.Id == conversationId && c.Status == ConversationStatus.Open);
        if (onlyIfFree)
            candidates = candidates.Where(c => c.AssignedToUserId == null || c.AssignedToUserId == assignee.UserId);
        var now = time.GetUtcNow();
        var assigned = await candidates.ExecuteUpdateAsync(set => set
            .SetProperty(c => c.AssignedToUserId, assignee.UserId)
            .SetProperty(c => c.AssignedToName, assignee.DisplayName)
            .SetProperty(c => c.AssignedAt, now)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (assigned == 0)
        {
            var state = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
                .Select(c => new { c.Status, c.AssignedToName }).SingleOrDefaultAsync(cancellationToken);
            return state is null ? ClaimResult.Refused("That conversation does not exist.")
                : state.Status != ConversationStatus.Open ? ClaimResult.Refused("This conversation is closed.")
                : ClaimResult.AlreadyHeld(state.AssignedToName ?? "Another operator");
        }
        await audit.SaveWithAuditAsync(db, new AuditEntry(action, actor.UserId, actor.DisplayName, "conversation", conversationId.ToString("D"), detail), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(actor.ForceId, conversationId, DeskEventKind.AssignmentChanged), cancellationToken);
        return ClaimResult.Claimed();
    }
}
