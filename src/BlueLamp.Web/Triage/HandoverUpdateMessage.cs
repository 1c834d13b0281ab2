using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// The JSON body that tells command and control what became of a handover it already has (version 1;
/// docs/command-and-control.md): the desk stood it down, or a new alarm re-opened it. Fields are only ever added within
/// a version; a change that would break a receiver gets a new <see cref="Schema"/>.
/// </summary>
public sealed record HandoverUpdateMessage(
    string Schema,
    Guid UpdateId,
    Guid HandoverId,
    int Sequence,
    HandoverMessage.ForcePart Force,
    string Change,
    string Reason,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    DateTimeOffset SentAt,
    HandoverMessage.DeskPart Desk,
    string? Summary)
{
    public const string Version1 = "bluelamp.handover-update.v1";

    /// <summary>The values of <see cref="Change"/>.</summary>
    public const string StoodDown = "stood_down", Reopened = "reopened";

    /// <summary>Writes the update a queued stand-down or re-opening carries, with the desk's state as it is when sent.</summary>
    public static async Task<HandoverUpdateMessage> WriteAsync(BlueLampDb db, HandoverDispatch update, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(update);
        var handover = await db.Handovers.AsNoTracking().SingleAsync(h => h.Id == update.HandoverId, cancellationToken);
        var force = await db.Forces.AsNoTracking().SingleAsync(f => f.Id == handover.ForceId, cancellationToken);
        var desk = await db.Conversations.AsNoTracking().Where(c => c.Id == handover.ConversationId)
            .Select(c => new HandoverMessage.DeskPart(c.Id, (int?)c.Grade, c.LifeAtRisk)).SingleAsync(cancellationToken);
        return new HandoverUpdateMessage(
            Version1,
            update.Id,
            update.HandoverId,
            update.Sequence,
            new HandoverMessage.ForcePart(force.Id, force.Slug, force.Name),
            update.Kind == HandoverDispatchKind.StandDown ? StoodDown : Reopened,
            update.Reason ?? "",
            update.ByName ?? "",
            update.QueuedAt,
            sentAt,
            desk,
            update.Kind == HandoverDispatchKind.Reopened ? handover.Summary : null);
    }
}
