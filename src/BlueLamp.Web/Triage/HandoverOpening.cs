using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Opens a conversation's one control-room handover, with the summary the call handler reads first, in the caller's
/// unit of work: it is stored by the caller's save, together with what made it necessary (the message that intake
/// assessed, or the operator's assessment) and its audit entry, and with its command-and-control outbox row when the
/// force has that link, or not at all.
/// </summary>
public static class HandoverOpening
{
    /// <summary>
    /// Adds the handover when the conversation needs the control room and has none yet; returns it, or null when none
    /// was needed. A handover the desk stood down earlier is re-opened instead (one handover per conversation), with the
    /// summary as it is now, and command and control is told. What the caller already holds (perhaps not yet saved, as in
    /// intake) is used; the rest is read.
    /// </summary>
    public static async Task<Handover?> OpenIfNeededAsync(BlueLampDb db, Conversation conversation, string reason, string openedBy, DateTimeOffset at,
        HandoverFacts known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(known);
        if (!conversation.NeedsControlRoom || conversation.HandoverId is not null)
            return null;
        var person = known.Person ?? await db.People.SingleAsync(p => p.Id == conversation.PersonId, cancellationToken);
        var account = known.Account ?? await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == conversation.AccountId, cancellationToken);
        var identity = known.Identity
            ?? await db.PersonIdentities.AsNoTracking().Where(i => i.PersonId == person.Id && i.Platform == account.Platform).FirstOrDefaultAsync(cancellationToken)
            ?? await db.PersonIdentities.AsNoTracking().FirstAsync(i => i.PersonId == person.Id, cancellationToken);
        var latest = known.Latest ?? await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Inbound)
            .OrderByDescending(m => m.SentAt).FirstAsync(cancellationToken);
        var assessment = known.Assessment ?? await db.RiskAssessments.AsNoTracking().Where(r => r.ConversationId == conversation.Id)
            .OrderByDescending(r => r.AssessedAt).FirstOrDefaultAsync(cancellationToken);
        var summary = HandoverSummary.Write(person, identity, account, conversation, latest, assessment);
        var stoodDown = await db.Handovers.SingleOrDefaultAsync(h => h.ConversationId == conversation.Id, cancellationToken);
        if (stoodDown is not null)
        {
            if (stoodDown.Status != HandoverStatus.StoodDown)
                return null; // the control room kept it: it is attached again by its acknowledgement
            stoodDown.Reopen(reason, summary, at);
            conversation.AttachHandover(stoodDown.Id);
            await CommandAndControlOutbox.QueueUpdateIfSentAsync(db, stoodDown, HandoverDispatchKind.Reopened, reason, openedBy, at, cancellationToken);
            return stoodDown;
        }
        var handover = new Handover(Guid.CreateVersion7(), conversation.ForceId, conversation.Id, reason, summary, openedBy, at);
        db.Handovers.Add(handover);
        conversation.AttachHandover(handover.Id);
        // Sent on to the force's command-and-control system, when it has one, from the outbox saved with the handover.
        await CommandAndControlOutbox.QueueIfLinkedAsync(db, handover, at, cancellationToken);
        return handover;
    }
}

/// <summary>What the caller already holds for a handover's summary; anything left null is read from the database.</summary>
public sealed record HandoverFacts(
    Person? Person = null, PersonIdentity? Identity = null, Account? Account = null, Message? Latest = null, RiskAssessment? Assessment = null)
{
    public static HandoverFacts None { get; } = new();
}
