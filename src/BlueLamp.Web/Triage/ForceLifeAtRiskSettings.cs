using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// What a force has set for its life-at-risk path, read where it is used: the holding reply in the person's language
/// (the force's wording or the shipped one), how long the control room has before a handover escalates, and the
/// first-look limit that nets the private messages the engine does not flag.
/// </summary>
public static class ForceLifeAtRiskSettings
{
    /// <summary>The holding reply a conversation in <paramref name="language"/> gets from <paramref name="forceId"/>.</summary>
    public static async Task<string> HoldingReplyAsync(BlueLampDb db, Guid forceId, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var force = await db.Forces.AsNoTracking().Where(f => f.Id == forceId)
            .Select(f => new { f.HoldingReplyEnglish, f.HoldingReplyWelsh }).SingleAsync(cancellationToken);
        return HoldingReply.For(language, force.HoldingReplyEnglish, force.HoldingReplyWelsh);
    }

    /// <summary>The force's acknowledgement limit, or <paramref name="deploymentDefault"/> when it has not set one.</summary>
    public static async Task<TimeSpan> HandoverAcknowledgeLimitAsync(BlueLampDb db, Guid forceId, TimeSpan deploymentDefault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var seconds = await db.Forces.AsNoTracking().Where(f => f.Id == forceId).Select(f => f.HandoverAcknowledgeSeconds).SingleAsync(cancellationToken);
        return seconds is { } own ? TimeSpan.FromSeconds(own) : deploymentDefault;
    }

    /// <summary>The force's first-look policy for private messages (its own limit, or 30 minutes).</summary>
    public static async Task<FirstLookPolicy> FirstLookAsync(BlueLampDb db, Guid forceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var minutes = await db.Forces.AsNoTracking().Where(f => f.Id == forceId).Select(f => f.FirstLookMinutes).SingleAsync(cancellationToken);
        return FirstLookPolicy.FromMinutes(minutes);
    }
}
