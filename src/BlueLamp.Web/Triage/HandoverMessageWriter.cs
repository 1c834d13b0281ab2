using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>Reads what the desk knows about a handover and writes it as the version 1 message to command and control.</summary>
public static class HandoverMessageWriter
{
    public static async Task<HandoverMessage> WriteAsync(BlueLampDb db, Guid handoverId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var handover = await db.Handovers.AsNoTracking().SingleAsync(h => h.Id == handoverId, cancellationToken);
        var force = await db.Forces.AsNoTracking().SingleAsync(f => f.Id == handover.ForceId, cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == handover.ConversationId, cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == conversation.AccountId, cancellationToken);
        var area = account.AreaId is { } areaId ? await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == conversation.PersonId, cancellationToken);
        var identity = await db.PersonIdentities.AsNoTracking().Where(i => i.PersonId == person.Id && i.Platform == account.Platform).FirstOrDefaultAsync(cancellationToken)
            ?? await db.PersonIdentities.AsNoTracking().FirstAsync(i => i.PersonId == person.Id, cancellationToken);
        var said = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Inbound)
            .OrderByDescending(m => m.SentAt).Take(HandoverMessage.MaxSaid)
            .Select(m => new HandoverMessage.SaidPart(m.SentAt, m.Text))
            .ToListAsync(cancellationToken);
        said.Reverse();
        var assessment = await db.RiskAssessments.AsNoTracking().Where(r => r.ConversationId == conversation.Id)
            .OrderByDescending(r => r.AssessedAt).FirstOrDefaultAsync(cancellationToken);

        return new HandoverMessage(
            HandoverMessage.Version1,
            handover.Id,
            new HandoverMessage.ForcePart(force.Id, force.Slug, force.Name),
            handover.Reason,
            handover.OpenedByName,
            handover.OpenedAt,
            sentAt,
            new HandoverMessage.PersonPart(person.DisplayName, Code(identity.Platform), identity.PlatformUserId, ProfileUrl(identity.Platform, identity.PlatformUserId), conversation.Language ?? "en"),
            new HandoverMessage.WherePart(account.DisplayName, account.Handle, Code(account.Platform), Code(conversation.Kind), area, null),
            said,
            assessment is null ? null : new HandoverMessage.AssessmentPart(
                (int)assessment.Grade, assessment.LifeAtRisk, assessment.CategoryCode, assessment.Score, assessment.PersonAtRisk.ToString(),
                assessment.EngineVersion, assessment.IndicatorSetVersion, assessment.AssessedAt,
                assessment.Indicators().Select(i => new HandoverMessage.IndicatorPart(i.Name, i.Category, i.Text, i.Weight, i.LifeThreatening, i.Discount)).ToList()),
            new HandoverMessage.DeskPart(conversation.Id, (int?)conversation.Grade, conversation.LifeAtRisk),
            handover.Summary);
    }

    /// <summary>A public link to the person's profile where the platform's id gives one; null where it does not (Meta's page-scoped ids).</summary>
    public static string? ProfileUrl(Platform platform, string platformUserId) => platform switch
    {
        Platform.X => "https://x.com/i/user/" + Uri.EscapeDataString(platformUserId),
        Platform.Bluesky => "https://bsky.app/profile/" + Uri.EscapeDataString(platformUserId),
        _ => null,
    };

    private static string Code(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
