using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Puts a newly opened handover, and later what became of it, in the command-and-control outbox, in the same transaction
/// as the change it reports, when the force's link is on.
/// </summary>
public static class CommandAndControlOutbox
{
    /// <summary>Adds the outbox row to <paramref name="db"/>'s pending changes; the caller saves it with the handover. True when queued.</summary>
    public static async Task<bool> QueueIfLinkedAsync(BlueLampDb db, Handover handover, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(handover);
        if (!await db.CommandAndControlLinks.AsNoTracking().AnyAsync(l => l.Enabled, cancellationToken))
            return false;
        db.HandoverDispatches.Add(new HandoverDispatch(Guid.CreateVersion7(), handover.ForceId, handover.Id, now));
        return true;
    }

    /// <summary>
    /// Adds an update about <paramref name="handover"/> (a stand-down or a re-opening) to <paramref name="db"/>'s pending
    /// changes, after the handover's earlier messages, when command and control was sent the handover and the link is on.
    /// True when queued.
    /// </summary>
    public static async Task<bool> QueueUpdateIfSentAsync(BlueLampDb db, Handover handover, HandoverDispatchKind kind, string reason, string byName, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(handover);
        var last = await db.HandoverDispatches.AsNoTracking().Where(d => d.HandoverId == handover.Id)
            .MaxAsync(d => (int?)d.Sequence, cancellationToken);
        if (last is null || !await db.CommandAndControlLinks.AsNoTracking().AnyAsync(l => l.Enabled, cancellationToken))
            return false; // command and control never had it
        db.HandoverDispatches.Add(HandoverDispatch.Update(Guid.CreateVersion7(), handover.ForceId, handover.Id, kind, last.Value + 1, reason, byName, now));
        return true;
    }
}
