using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Background;
using BlueLamp.Web.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Triage;

/// <summary>
/// The desk's clock: records SLA breaches and missed first looks as deadlines pass, and escalates control-room handovers left
/// unacknowledged past the force's limit. One node runs it at a time (<see cref="JobLeases"/>); each change is also a
/// conditional update, so even two clocks would record it once.
/// </summary>
public sealed class DeskClock(
    BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, JobLeases leases, IOptions<TriageOptions> options,
    TimeProvider time, ILogger<DeskClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await leases.RunIfHeldAsync("desk.clock", options.Value.ClockInterval, ct => RunOnceAsync(ct), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed tick must not stop the clock: the next one tries again.
                logger.LogError(ex, "The desk clock failed a tick");
            }
            try
            {
                await Task.Delay(options.Value.ClockInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One tick: every force's passed deadlines, missed first looks and overdue handovers. Returns how many of each it recorded.</summary>
    public async Task<(int Breaches, int Escalations, int FirstLookBreaches)> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> forces;
        await using (var lookup = dbs.Unscoped())
            forces = await lookup.Forces.AsNoTracking().Select(f => f.Id).ToListAsync(cancellationToken);
        int breaches = 0, escalations = 0, firstLooks = 0;
        foreach (var forceId in forces)
        {
            breaches += await RecordBreachesAsync(forceId, cancellationToken);
            firstLooks += await RecordMissedFirstLooksAsync(forceId, cancellationToken);
            escalations += await EscalateHandoversAsync(forceId, cancellationToken);
        }
        return (breaches, escalations, firstLooks);
    }

    private async Task<int> RecordBreachesAsync(Guid forceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = dbs.ForForce(forceId);
        var due = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.AwaitingReply && c.SlaDueAt != null && c.SlaDueAt <= now)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        return await RecordEachAsync(db, forceId, due, DeskEventKind.SlaBreached, conversation =>
        {
            var missed = conversation.SlaDueAt;
            return conversation.RecordSlaBreach(now)
                ? new AuditEntry(AuditActions.SlaBreached, null, ContactIntake.SystemName, "conversation",
                    conversation.Id.ToString("D"), $"due {missed:yyyy-MM-dd HH:mm:ss} UTC, grade {(int?)conversation.Grade}")
                : null;
        }, cancellationToken);
    }

    /// <summary>Private messages no operator has opened within the force's first-look limit: recorded once per first look, apart from SLA breaches.</summary>
    private async Task<int> RecordMissedFirstLooksAsync(Guid forceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = dbs.ForForce(forceId);
        var policy = await ForceLifeAtRiskSettings.FirstLookAsync(db, forceId, cancellationToken);
        var waitingSince = now - policy.Limit;
        var missed = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.FirstLookBreachedAt == null && c.FirstLookWaitingSince != null && c.FirstLookWaitingSince <= waitingSince)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        return await RecordEachAsync(db, forceId, missed, DeskEventKind.FirstLookBreached, conversation =>
        {
            var since = conversation.FirstLookWaitingSince;
            return conversation.RecordFirstLookBreach(policy, now)
                ? new AuditEntry(AuditActions.FirstLookBreached, null, ContactIntake.SystemName, "conversation", conversation.Id.ToString("D"),
                    $"waiting since {since:yyyy-MM-dd HH:mm:ss} UTC, first look due within {policy.Limit.TotalMinutes:0} min, grade {(int?)conversation.Grade}")
                : null;
        }, cancellationToken);
    }

    /// <summary>
    /// Reads each conversation afresh and lets <paramref name="record"/> change it; what it records is saved with its audit
    /// entry, one conversation at a time, and every desk is told. Returns how many were recorded.
    /// </summary>
    private async Task<int> RecordEachAsync(BlueLampDb db, Guid forceId, IReadOnlyList<Guid> conversationIds, DeskEventKind told,
        Func<Conversation, AuditEntry?> record, CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var conversationId in conversationIds)
        {
            db.ChangeTracker.Clear();
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, cancellationToken);
            if (record(conversation) is not { } entry)
                continue;
            try
            {
                await audit.SaveWithAuditAsync(db, entry, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Answered or opened, or recorded by another node, in the meantime.
                continue;
            }
            recorded++;
            await deskEvents.PublishAsync(new DeskEvent(forceId, conversationId, told), cancellationToken);
        }
        return recorded;
    }

    private async Task<int> EscalateHandoversAsync(Guid forceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = dbs.ForForce(forceId);
        var cutoff = now - await ForceLifeAtRiskSettings.HandoverAcknowledgeLimitAsync(db, forceId, options.Value.HandoverAcknowledgeLimit, cancellationToken);
        var overdue = await db.Handovers.AsNoTracking()
            .Where(h => h.Status == HandoverStatus.Open && (h.ReopenedAt ?? h.OpenedAt) <= cutoff) // a stood-down handover never escalates
            .Select(h => new { h.Id, h.ConversationId, OpenedAt = h.ReopenedAt ?? h.OpenedAt })
            .ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var handover in overdue)
        {
            // The conditional update runs inside the audit trail's transaction, after the force's turn is taken: holding
            // the database (on SQLite, the whole file) while waiting for the turn deadlocks against other audited writers.
            var entry = new AuditEntry(AuditActions.HandoverEscalated, null, ContactIntake.SystemName, "handover",
                handover.Id.ToString("D"), $"not acknowledged {(int)(now - handover.OpenedAt).TotalSeconds} s after it was opened");
            try
            {
                await audit.SaveWithAuditAsync(db, [entry], async (d, ct) =>
                {
                    var changed = await d.Handovers
                        .Where(h => h.Id == handover.Id && h.Status == HandoverStatus.Open)
                        .ExecuteUpdateAsync(set => set.SetProperty(h => h.Status, HandoverStatus.Escalated).SetProperty(h => h.EscalatedAt, now), ct);
                    if (changed == 0)
                        throw new AlreadySettledException(); // acknowledged, or escalated by another node: nothing to record
                }, cancellationToken);
            }
            catch (AlreadySettledException)
            {
                continue;
            }
            escalated++;
            logger.LogWarning("Handover {HandoverId} escalated: not acknowledged within the limit", handover.Id);
            await deskEvents.PublishAsync(new DeskEvent(forceId, handover.ConversationId, DeskEventKind.HandoverEscalated), cancellationToken);
        }
        return escalated;
    }

    /// <summary>Rolls the audit trail's transaction back when the handover was settled meanwhile.</summary>
    private sealed class AlreadySettledException : Exception;
}
