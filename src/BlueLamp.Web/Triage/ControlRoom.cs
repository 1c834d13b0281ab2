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

    /// <summary>
    /// Handovers that need the control room first (waiting, escalated, stood down and not yet kept or let go; oldest
    /// first), then the most recently settled ones.
    /// </summary>
    public async Task<IReadOnlyList<HandoverView>> ListAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var rows = await (
                from h in db.Handovers.AsNoTracking()
                join c in db.Conversations on h.ConversationId equals c.Id
                join a in db.Accounts on c.AccountId equals a.Id
                join p in db.People on c.PersonId equals p.Id
                join d in db.HandoverDispatches.Where(d => d.Kind == HandoverDispatchKind.Handover) on h.Id equals d.HandoverId into dispatches
                from d in dispatches.DefaultIfEmpty()
                select new { h, View = new HandoverView(h.Id, h.ConversationId, p.DisplayName, a.Platform, a.DisplayName, h.Reason, h.Summary, h.Status,
                    h.OpenedAt, h.EscalatedAt, h.AcknowledgedAt, h.AcknowledgedByName, h.IncidentNumber, h.CommandAndControlIncident,
                    d == null ? null : Delivery(d), null, h.ReopenedAt) })
            .ToListAsync(cancellationToken);
        var stoodDown = rows.Where(r => r.h.StoodDownAt is not null).Select(r => r.h.Id).ToList();
        var told = stoodDown.Count == 0 ? [] : (await db.HandoverDispatches.AsNoTracking()
                .Where(d => d.Kind == HandoverDispatchKind.StandDown && stoodDown.Contains(d.HandoverId)).ToListAsync(cancellationToken))
            .GroupBy(d => d.HandoverId).ToDictionary(g => g.Key, g => Delivery(g.MaxBy(d => d.Sequence)!));
        var views = rows.Select(r => r.h.StoodDownAt is { } at
                ? r.View with { StandDown = new HandoverStandDownView(at, r.h.StoodDownByName ?? "", r.h.StandDownReason ?? "", r.h.StandDownConfirmedAt, r.h.StandDownConfirmedByName, told.GetValueOrDefault(r.h.Id)) }
                : r.View)
            .ToList();
        return views
            .Where(v => v.NeedsControlRoom).OrderBy(v => v.ReopenedAt ?? v.OpenedAt)
            .Concat(views.Where(v => !v.NeedsControlRoom).OrderByDescending(v => v.AcknowledgedAt ?? v.StandDown?.ConfirmedAt).Take(50))
            .ToList();
    }

    private static CommandAndControlDelivery Delivery(HandoverDispatch d) =>
        new(d.QueuedAt, d.DeliveredAt, d.Attempts, d.LastError, d.LastAttemptAt, d.DeliveredAt == null && !d.GaveUp ? d.DueAt : null, d.GaveUp);

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
    /// A handover the desk stood down may still be acknowledged: the control room keeps it.
    /// </summary>
    public async Task<DeskResult> AcknowledgeAsync(DeskUser user, Guid handoverId, string? incidentNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var typed = !string.IsNullOrWhiteSpace(incidentNumber);
        if (typed && ReferencePolicy.Default.Check(ReferenceKind.Incident, incidentNumber) is { } problem)
            return DeskResult.Refused(problem, "incidentNumber");
        await using var db = dbs.ForForce(user.ForceId);
        // The conversation is read before the handover: a stand-down saved between the two reads then fails this save on
        // the conversation's version, instead of being acknowledged over unseen.
        var conversationId = await db.Handovers.Where(h => h.Id == handoverId).Select(h => (Guid?)h.ConversationId).SingleOrDefaultAsync(cancellationToken);
        if (conversationId is null)
            return DeskResult.Missing();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, cancellationToken);
        var handover = await db.Handovers.SingleAsync(h => h.Id == handoverId, cancellationToken);
        if (handover.IsAcknowledged)
            return DeskResult.Refused($"{handover.AcknowledgedByName} acknowledged this handover at {handover.AcknowledgedAt:HH:mm} (incident {handover.IncidentNumber}).");
        if (!typed && handover.IncidentNumber is null && handover.CommandAndControlIncident is null)
            return DeskResult.Refused(ReferencePolicy.Default.Check(ReferenceKind.Incident, incidentNumber)!, "incidentNumber");
        var now = time.GetUtcNow();
        var kept = handover.Status == HandoverStatus.StoodDown;
        handover.Acknowledge(user.UserId, user.DisplayName, incidentNumber, now);
        conversation.AttachHandover(handover.Id);
        conversation.RecordHandoverAcknowledged(now);
        if (!await db.CaseReferences.AnyAsync(r => r.ConversationId == conversation.Id && r.Kind == ReferenceKind.Incident && r.Value == handover.IncidentNumber, cancellationToken))
            db.CaseReferences.Add(new CaseReference(Guid.CreateVersion7(), user.ForceId, conversation.Id, ReferenceKind.Incident, handover.IncidentNumber!, user.UserId, user.DisplayName, now));
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.HandoverAcknowledged, user.UserId, user.DisplayName, "handover", handoverId.ToString("D"),
                $"incident {handover.IncidentNumber}{(typed ? "" : " (given by command and control)")}; {(int)(now - handover.OpenedAt).TotalSeconds} s after opening"
                + (kept ? $"; kept by the control room after {handover.StoodDownByName} stood it down at {handover.StoodDownAt:HH:mm:ss}" : "")), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = dbs.ForForce(user.ForceId);
            var now2 = await fresh.Handovers.AsNoTracking().SingleAsync(h => h.Id == handoverId, cancellationToken);
            return DeskResult.Refused(now2.Status == HandoverStatus.StoodDown
                ? $"The desk stood this handover down at the same moment ({now2.StoodDownByName}: \"{now2.StandDownReason}\"). Nothing was saved. It is still yours to keep: acknowledge it again to keep it."
                : "The conversation changed at the same moment; try again.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversation.Id, DeskEventKind.HandoverAcknowledged), cancellationToken);
        return DeskResult.Done(handoverId);
    }

    /// <summary>
    /// A call handler confirms the desk's stand-down: the control room lets the job go, and the handover leaves its list
    /// of work. Refused when it is not stood down (acknowledged, re-opened by a new alarm, or already confirmed).
    /// </summary>
    public async Task<DeskResult> ConfirmStandDownAsync(DeskUser user, Guid handoverId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var handover = await db.Handovers.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handoverId, cancellationToken);
        if (handover is null)
            return DeskResult.Missing();
        if (Unconfirmable(handover) is { } refusal)
            return DeskResult.Refused(refusal);
        var now = time.GetUtcNow();
        var entry = new AuditEntry(AuditActions.HandoverStandDownConfirmed, user.UserId, user.DisplayName, "handover", handoverId.ToString("D"),
            $"stand-down by {handover.StoodDownByName} at {handover.StoodDownAt:HH:mm:ss} confirmed; {(int)(now - handover.StoodDownAt!.Value).TotalSeconds} s after it");
        try
        {
            // Conditional, inside the audit trail's transaction: a re-opening or an acknowledgement saved meanwhile wins.
            await audit.SaveWithAuditAsync(db, [entry], async (d, ct) =>
            {
                var changed = await d.Handovers
                    .Where(h => h.Id == handoverId && h.Status == HandoverStatus.StoodDown && h.StandDownConfirmedAt == null && h.StoodDownAt == handover.StoodDownAt)
                    .ExecuteUpdateAsync(set => set.SetProperty(h => h.StandDownConfirmedAt, now).SetProperty(h => h.StandDownConfirmedByName, user.DisplayName), ct);
                if (changed == 0)
                    throw new HandoverChangedException();
            }, cancellationToken);
        }
        catch (HandoverChangedException)
        {
            await using var fresh = dbs.ForForce(user.ForceId);
            var now2 = await fresh.Handovers.AsNoTracking().SingleAsync(h => h.Id == handoverId, cancellationToken);
            return DeskResult.Refused(Unconfirmable(now2) ?? "The handover changed at the same moment; try again.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, handover.ConversationId, DeskEventKind.HandoverStoodDown), cancellationToken);
        return DeskResult.Done(handoverId);
    }

    private static string? Unconfirmable(Handover handover) => handover switch
    {
        { IsAcknowledged: true } => $"{handover.AcknowledgedByName} acknowledged this handover at {handover.AcknowledgedAt:HH:mm} (incident {handover.IncidentNumber}): the control room kept it.",
        { Status: HandoverStatus.StoodDown, StandDownConfirmedAt: { } confirmed } => $"{handover.StandDownConfirmedByName} already confirmed the stand-down at {confirmed:HH:mm}.",
        { Status: HandoverStatus.StoodDown } => null,
        _ => "The desk has not stood this handover down (or a new alarm re-opened it): it is waiting for acknowledgement.",
    };

    /// <summary>Rolls the audit trail's transaction back when the handover was settled meanwhile.</summary>
    private sealed class HandoverChangedException : Exception;
}
