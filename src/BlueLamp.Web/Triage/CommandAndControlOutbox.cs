using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>Puts a newly opened handover in the command-and-control outbox, in the handover's own transaction, when the force's link is on.</summary>
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
}
