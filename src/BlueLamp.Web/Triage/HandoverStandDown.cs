using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Stands a conversation's handover down when an operator's assessment leaves it no longer needing the control room
/// (the alarm overturned, not grade 1), in the caller's unit of work: the handover says who stood it down, when and
/// why; it stops escalating; and command and control is told when it was sent the handover. Never automatic, and never
/// once the control room has acknowledged it: that job is theirs.
/// </summary>
public static class HandoverStandDown
{
    /// <summary>
    /// Stands the handover down if it should be, adding the changes to <paramref name="db"/>; returns what happened to it
    /// for the audit trail, or null when the conversation has no handover.
    /// </summary>
    public static async Task<StandDownOutcome?> StandDownIfNoLongerNeededAsync(BlueLampDb db, Conversation conversation, DeskUser user, string reason, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        if (conversation.HandoverId is not { } handoverId)
            return null;
        var handover = await db.Handovers.SingleAsync(h => h.Id == handoverId, cancellationToken);
        if (handover.IsAcknowledged)
            return new StandDownOutcome(handover, false, false, $"handover stays with the control room: acknowledged by {handover.AcknowledgedByName}, incident {handover.IncidentNumber}");
        if (conversation.NeedsControlRoom)
            return new StandDownOutcome(handover, false, false, "handover stays open: the conversation is still grade 1");
        handover.StandDown(user.UserId, user.DisplayName, reason, at);
        conversation.StandDownHandover();
        var told = await CommandAndControlOutbox.QueueUpdateIfSentAsync(db, handover, HandoverDispatchKind.StandDown, reason, user.DisplayName, at, cancellationToken);
        return new StandDownOutcome(handover, true, told,
            $"handover {handover.Id:D} stood down{(told ? "; command and control will be told" : "")}; the control room may still keep it");
    }
}

/// <summary>What overturning an alarm did to the conversation's handover.</summary>
public sealed record StandDownOutcome(Handover Handover, bool StoodDown, bool CommandAndControlTold, string Description);
