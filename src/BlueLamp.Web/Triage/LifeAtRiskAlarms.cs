using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>What the alarm on every desk screen shows: life-at-risk conversations nobody has taken, and handovers the control room has not acknowledged in time.</summary>
public sealed class LifeAtRiskAlarms(BlueLampDbFactory dbs)
{
    public async Task<IReadOnlyList<Alarm>> CurrentAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var untaken = await (
                from c in db.Conversations.AsNoTracking()
                join p in db.People on c.PersonId equals p.Id
                join a in db.Accounts on c.AccountId equals a.Id
                where c.Status == ConversationStatus.Open && c.LifeAtRisk && c.AssignedToUserId == null
                select new Alarm(c.Id, AlarmKind.LifeAtRiskUntaken, p.DisplayName, a.DisplayName, c.Preview, c.LastInboundAt ?? c.LastMessageAt))
            .ToListAsync(cancellationToken);
        var escalated = await (
                from h in db.Handovers.AsNoTracking()
                join c in db.Conversations on h.ConversationId equals c.Id
                join p in db.People on c.PersonId equals p.Id
                join a in db.Accounts on c.AccountId equals a.Id
                where h.Status == HandoverStatus.Escalated
                select new Alarm(c.Id, AlarmKind.HandoverNotAcknowledged, p.DisplayName, a.DisplayName, c.Preview, h.OpenedAt))
            .ToListAsync(cancellationToken);
        return untaken.Concat(escalated).OrderBy(a => a.Since).ToList();
    }
}

/// <summary>One reason for the alarm.</summary>
public sealed record Alarm(Guid ConversationId, AlarmKind Kind, string PersonName, string AccountName, string Preview, DateTimeOffset Since);

/// <summary>Why the alarm is sounding.</summary>
public enum AlarmKind
{
    LifeAtRiskUntaken = 1,
    HandoverNotAcknowledged = 2,
}
