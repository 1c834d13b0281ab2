using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Supervision;

/// <summary>Builds the supervisor's live wall: the open work by grade, who holds what, and today's demand against last week's.</summary>
public sealed class DeskWall(BlueLampDbFactory dbs, Desk.DeskQueue queue, DeskPresence presence, SlaPolicy sla, TimeProvider time)
{
    /// <summary>The wall shows hours in UK time, as the desk works them.</summary>
    private static readonly TimeZoneInfo DeskTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task<WallSnapshot> TakeAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = dbs.ForForce(forceId);
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open)
            .Select(c => new { c.Id, c.Grade, c.AssignedToUserId, c.AssignedToName, c.AwaitingReply, c.SlaDueAt, c.BreachedDueAt, c.Preview, c.FirstLookWaitingSince })
            .ToListAsync(cancellationToken);

        var byGrade = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["1"] = open.Count(c => c.Grade == Grade.Emergency),
            ["2"] = open.Count(c => c.Grade == Grade.Priority),
            ["3"] = open.Count(c => c.Grade == Grade.Scheduled),
            ["4"] = open.Count(c => c.Grade == Grade.ResolvedWithoutDeployment),
            ["not assessed"] = open.Count(c => c.Grade is null),
        };

        var staff = await queue.DeskStaffAsync(forceId, cancellationToken);
        var onShift = presence.OnShift(forceId).ToDictionary(p => p.User.UserId, p => p.Since);
        var operators = staff
            .Select(s =>
            {
                var held = open.Where(c => c.AssignedToUserId == s.UserId).ToList();
                return new OperatorLoad(s.UserId, s.DisplayName, onShift.ContainsKey(s.UserId), onShift.TryGetValue(s.UserId, out var since) ? since : null,
                    held.Count, held.Where(c => c.Grade is not null).Select(c => c.Grade).Min());
            })
            .OrderByDescending(o => o.OnShift).ThenByDescending(o => o.Holding).ThenBy(o => o.DisplayName, StringComparer.CurrentCulture)
            .ToList();

        var localNow = TimeZoneInfo.ConvertTime(now, DeskTime);
        var todayStart = new DateTimeOffset(localNow.Date, localNow.Offset);
        var lastWeekStart = todayStart.AddDays(-7);
        var inbound = await db.Messages.AsNoTracking()
            .Where(m => m.Direction == MessageDirection.Inbound
                && ((m.SentAt >= todayStart && m.SentAt < todayStart.AddDays(1)) || (m.SentAt >= lastWeekStart && m.SentAt < lastWeekStart.AddDays(1))))
            .Select(m => m.SentAt)
            .ToListAsync(cancellationToken);
        var hours = Enumerable.Range(0, 24).Select(h => new HourCount(h,
                inbound.Count(at => at >= todayStart && TimeZoneInfo.ConvertTime(at, DeskTime).Hour == h),
                inbound.Count(at => at < todayStart && TimeZoneInfo.ConvertTime(at, DeskTime).Hour == h)))
            .ToList();

        // Overdue first; "near" means less than a quarter of the grade's allowance (or of the first-look limit) left. A private
        // message nobody has opened is listed for its first look too, marked as such.
        var firstLook = await Triage.ForceLifeAtRiskSettings.FirstLookAsync(db, forceId, cancellationToken);
        var slaDeadlines = open
            .Where(c => c.AwaitingReply && (c.BreachedDueAt is not null
                || (c.SlaDueAt is { } due && c.Grade is { } g && due - now < sla.AllowanceFor(g) / 4)))
            .Select(c => new DeadlineItem(c.Id, c.Preview, c.Grade, (c.BreachedDueAt ?? c.SlaDueAt)!.Value, c.BreachedDueAt is not null || c.SlaDueAt <= now, c.AssignedToName));
        var firstLooks = open
            .Where(c => firstLook.DueAt(c.FirstLookWaitingSince) is { } look && look - now < firstLook.Limit / 4)
            .Select(c => new DeadlineItem(c.Id, c.Preview, c.Grade, firstLook.DueAt(c.FirstLookWaitingSince)!.Value, firstLook.DueAt(c.FirstLookWaitingSince) <= now, c.AssignedToName, FirstLook: true))
            .ToList();
        // Listed apart: a conversation may be near its grade's deadline and past its first look at once.
        var deadlines = slaDeadlines
            .Concat(firstLooks)
            .OrderByDescending(d => d.Breached).ThenBy(d => d.DueAt)
            .ToList();
        var handovers = await db.Handovers.AsNoTracking()
            .Where(h => h.Status == HandoverStatus.Open || h.Status == HandoverStatus.Escalated) // a stood-down one waits on nobody
            .Select(h => new HandoverItem(h.ConversationId, h.ReopenedAt ?? h.OpenedAt, h.Status == HandoverStatus.Escalated, h.Reason))
            .ToListAsync(cancellationToken);

        return new WallSnapshot(byGrade, open.Count(c => c.AssignedToUserId is null), open.Count(c => c.AwaitingReply), operators, hours, now,
            deadlines, handovers.OrderBy(h => h.OpenedAt).ToList(),
            SlaOverdue: open.Count(c => c.AwaitingReply && (c.BreachedDueAt is not null || c.SlaDueAt <= now)),
            FirstLooksOverdue: firstLooks.Count(d => d.Breached));
    }
}
