using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Triage;

/// <summary>The control room's side of a handover: read what the desk knows, acknowledge it with the incident number.</summary>
public sealed class ControlRoom(BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, TimeProvider time, IOptions<TriageOptions> options)
{
    /// <summary>How long the force gives the control room to acknowledge a handover before it escalates.</summary>
    public async Task<TimeSpan> AcknowledgeLimitAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        return await ForceLifeAtRiskSettings.HandoverAcknowledgeLimitAsync(db, forceId, options.Value.HandoverAcknowledgeLimit, cancellationToken);
    }

    /// <summary>Unacknowledged handovers first (oldest first), then the most recent acknowledged ones.</summary>
    public async Task<IReadOnlyList<HandoverView>> ListAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var rows = await (
                from h in db.Handovers.AsNoTracking()
                join c in db.Conversations on h.ConversationId equals c.Id
                join a in db.Accounts on c.AccountId equals a.Id
                join p in db.People on c.PersonId equals p.Id
                join d in db.HandoverDispatches on h.Id equals d.HandoverId into dispatches
                from d in dispatches.DefaultIfEmpty()
                select new HandoverView(h.Id, h.ConversationId, p.DisplayName, a.Platform, a.DisplayName, h.Reason, h.Summary, h.Status,
                    h.OpenedAt, h.EscalatedAt, h.AcknowledgedAt, h.AcknowledgedByName, h.IncidentNumber, h.CommandAndControlIncident,
                    d == null ? null : new CommandAndControlDelivery(d.QueuedAt, d.DeliveredAt, d.Attempts, d.LastError, d.LastAttemptAt,
                        d.DeliveredAt == null && !d.GaveUp ? d.DueAt : null, d.GaveUp)))
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Status != HandoverStatus.Acknowledged).OrderBy(r => r.OpenedAt)
            .Concat(rows.Where(r => r.Status == HandoverStatus.Acknowledged).OrderByDescending(r => r.AcknowledgedAt).Take(50))
            .ToList();
    }

    /// <summary>Records that the control room has read the handovers on screen.</summary>
    public async Task RecordViewedAsync(DeskUser user, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.HandoverViewed, user.UserId, user.DisplayName, "handover", null, $"{count} handovers on screen"), cancellationToken);
    }

    /// <summary>
    /// A call handler acknowledges a handover and records the incident number; the conversation may then be closed. The
    /// number may be left blank when command and control has already given one: a person must still take the handover.
    /// </summary>
    public async Task<DeskResult> AcknowledgeAsync(DeskUser user, Guid handoverId, string? incidentNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var typed = !string.IsNullOrWhiteSpace(incidentNumber);
        if (typed && ReferencePolicy.Default.Check(ReferenceKind.Incident, incidentNumber) is { } problem)
            return DeskResult.Refused(problem, "incidentNumber");
        await using var db = dbs.ForForce(user.ForceId);
        var handover = await db.Handovers.SingleOrDefaultAsync(h => h.Id == handoverId, cancellationToken);
        if (handover is null)
            return DeskResult.Missing();
        if (handover.IsAcknowledged)
            return DeskResult.Refused($"{handover.AcknowledgedByName} acknowledged this handover at {handover.AcknowledgedAt:HH:mm} (incident {handover.IncidentNumber}).");
        if (!typed && handover.IncidentNumber is null && handover.CommandAndControlIncident is null)
            return DeskResult.Refused(ReferencePolicy.Default.Check(ReferenceKind.Incident, incidentNumber)!, "incidentNumber");
        var now = time.GetUtcNow();
        handover.Acknowledge(user.UserId, user.DisplayName, incidentNumber, now);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == handover.ConversationId, cancellationToken);
        conversation.RecordHandoverAcknowledged(now);
        if (!await db.CaseReferences.AnyAsync(r => r.ConversationId == conversation.Id && r.Kind == ReferenceKind.Incident && r.Value == handover.IncidentNumber, cancellationToken))
            db.CaseReferences.Add(new CaseReference(Guid.CreateVersion7(), user.ForceId, conversation.Id, ReferenceKind.Incident, handover.IncidentNumber!, user.UserId, user.DisplayName, now));
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.HandoverAcknowledged, user.UserId, user.DisplayName, "handover", handoverId.ToString("D"),
                $"incident {handover.IncidentNumber}{(typed ? "" : " (given by command and control)")}; {(int)(now - handover.OpenedAt).TotalSeconds} s after opening"), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Refused("The conversation changed at the same moment; try again.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversation.Id, DeskEventKind.HandoverAcknowledged), cancellationToken);
        return DeskResult.Done(handoverId);
    }
}
