using System.Collections.Concurrent;
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

/// <summary>
/// Each force's indicator set: the one its administrator saved, or the shipped default. Intake asks for the force's
/// engine on every message; it is built once and cached, dropped at once when this node saves a new set, and re-checked
/// against the database every <see cref="TriageOptions.IndicatorSetRefresh"/> so other nodes pick a change up too.
/// Saving checks the set (it must parse and compile, and carry a new version) and is audited with what changed.
/// </summary>
public sealed class ForceIndicatorSets(BlueLampDbFactory dbs, AuditTrail audit, IOptions<TriageOptions> options, TimeProvider time, ILogger<ForceIndicatorSets> logger)
{
    /// <summary>How many of the force's latest messages a preview re-assesses.</summary>
    public const int PreviewMessages = 500;

    private const int MaxExamples = 25;

    private readonly ConcurrentDictionary<Guid, Cached> cache = new();

    /// <summary>
    /// The engine over the force's set (or the default), with the life-at-risk model unless the force switched it off, as of
    /// at most <see cref="TriageOptions.IndicatorSetRefresh"/> ago on other nodes.
    /// </summary>
    public async Task<TriageEngine> EngineForAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(forceId, out var cached) && now - cached.CheckedAt < options.Value.IndicatorSetRefresh)
            return cached.Engine;
        await using var db = dbs.ForForce(forceId);
        var state = await db.Forces.AsNoTracking().Where(f => f.Id == forceId)
            .Select(f => new { f.LifeAtRiskModelOff, Version = db.ForceIndicatorSets.Select(s => s.Version).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var model = state.LifeAtRiskModelOff ? null : LifeAtRiskModel.Default;
        if (cached is not null && cached.OwnVersion == state.Version && cached.Engine.LifeAtRiskModel == model)
        {
            cache[forceId] = cached with { CheckedAt = now };
            return cached.Engine;
        }
        var set = IndicatorSet.Default;
        if (state.Version is not null)
        {
            var json = await db.ForceIndicatorSets.AsNoTracking().Select(s => s.Json).SingleAsync(cancellationToken);
            if (IndicatorSetParser.TryParse(json, out var own, out var problem))
                set = own;
            else
                // Checked when saved, so only an upgrade that tightened the rules gets here: keep assessing with the default, loudly.
                logger.LogCritical("Force {ForceId}'s indicator set {Version} no longer loads ({Problem}); using the shipped default until an administrator fixes it", forceId, state.Version, problem);
        }
        var engine = set == TriageEngine.Default.IndicatorSet && model == TriageEngine.Default.LifeAtRiskModel ? TriageEngine.Default : new TriageEngine(set, model);
        cache[forceId] = new Cached(state.Version, engine, now);
        return engine;
    }

    /// <summary>Forgets this node's engine for the force, so its next message is assessed with what was just saved.</summary>
    public void Forget(Guid forceId) => cache.TryRemove(forceId, out _);

    /// <summary>The force's set as an administrator sees it (audited).</summary>
    public async Task<IndicatorSetView> GetAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var own = await db.ForceIndicatorSets.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.IndicatorSetViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            own is null ? $"shipped default {IndicatorSet.Default.Version}" : $"version {own.Version}"), cancellationToken);
        return own is null
            ? new IndicatorSetView(IndicatorSet.Default.Version, true, IndicatorSetParser.DefaultJson(), null, null)
            : new IndicatorSetView(own.Version, false, own.Json, own.SavedAt, own.SavedByName);
    }

    /// <summary>
    /// What <paramref name="json"/> would change on the force's latest <see cref="PreviewMessages"/> messages against the set
    /// in use: grades that move, life at risk gained, and (shown first) life at risk that would be lost. Audited.
    /// </summary>
    public async Task<(IndicatorSetEffect? Effect, DeskResult Result)> PreviewAsync(DeskUser user, string? json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Check(json, out var proposed) is { } refused)
            return (null, refused);
        var current = await EngineForAsync(user.ForceId, cancellationToken);
        // The same model as intake uses now (none when the force switched it off), so the effect shown is what intake would do.
        var next = new TriageEngine(proposed!, current.LifeAtRiskModel);
        await using var db = dbs.ForForce(user.ForceId);
        var latest = await (
                from m in db.Messages.AsNoTracking()
                join c in db.Conversations on m.ConversationId equals c.Id
                where m.Direction == MessageDirection.Inbound
                orderby m.RecordedAt descending
                select new { m.ConversationId, m.SentAt, m.Text, c.Kind })
            .Take(PreviewMessages)
            .ToListAsync(cancellationToken);
        int gradeChanged = 0, gained = 0;
        var lost = new List<IndicatorSetEffect.Example>();
        var moved = new List<IndicatorSetEffect.Example>();
        foreach (var message in latest)
        {
            var context = new TriageContext(message.Kind);
            var before = current.Assess(message.Text, context);
            var after = next.Assess(message.Text, context);
            if (before.Grade == after.Grade && before.LifeAtRisk == after.LifeAtRisk)
                continue;
            var example = new IndicatorSetEffect.Example(message.ConversationId, message.SentAt, Preview(message.Text), (int)before.Grade, (int)after.Grade, before.LifeAtRisk, after.LifeAtRisk);
            if (before.Grade != after.Grade)
                gradeChanged++;
            if (before.LifeAtRisk && !after.LifeAtRisk)
                lost.Add(example);
            else if (!before.LifeAtRisk && after.LifeAtRisk)
                gained++;
            if (moved.Count < MaxExamples && !(before.LifeAtRisk && !after.LifeAtRisk))
                moved.Add(example);
        }
        var effect = new IndicatorSetEffect(current.IndicatorSet.Version, proposed!.Version, latest.Count, gradeChanged, gained, lost, moved,
            IndicatorSetChanges.Describe(current.IndicatorSet, proposed));
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.IndicatorSetPreviewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            $"{effect.CurrentVersion} → {effect.ProposedVersion} on {effect.Assessed} messages: {gradeChanged} grades change, {gained} life at risk gained, {lost.Count} lost"), cancellationToken);
        return (effect, DeskResult.Done());
    }

    /// <summary>
    /// Saves <paramref name="json"/> as the force's set: refused, with nothing changed, when it does not parse or compile,
    /// keeps the version in use, or someone saved another version since <paramref name="basedOnVersion"/>. Used from the next message on.
    /// </summary>
    public async Task<DeskResult> SaveAsync(DeskUser user, string? json, string? basedOnVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Check(json, out var proposed) is { } refused)
            return refused;
        await using var db = dbs.ForForce(user.ForceId);
        var own = await db.ForceIndicatorSets.SingleOrDefaultAsync(cancellationToken);
        var current = own is not null && IndicatorSetParser.TryParse(own.Json, out var saved, out _) ? saved : IndicatorSet.Default;
        var currentVersion = own?.Version ?? IndicatorSet.Default.Version;
        if (basedOnVersion is not null && basedOnVersion != currentVersion)
            return DeskResult.Refused($"Someone saved version {currentVersion} while you were editing version {basedOnVersion}. Reload it and make your change again.", "json");
        if (string.Equals(proposed!.Version, currentVersion, StringComparison.Ordinal))
            return DeskResult.Refused($"Give the changed set a new version (it is still {currentVersion}), so every assessment says which rules made it.", "json");

        var now = time.GetUtcNow();
        if (own is null)
            db.ForceIndicatorSets.Add(new ForceIndicatorSet(user.ForceId, proposed, json!, user.DisplayName, now));
        else
            own.Replace(proposed, json!, user.DisplayName, now);
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.IndicatorSetChanged, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
                IndicatorSetChanges.Describe(current, proposed)), cancellationToken);
        }
        catch (DbUpdateException)
        {
            return DeskResult.Refused("Someone saved the indicator set at the same moment. Reload it and make your change again.", "json");
        }
        Forget(user.ForceId);
        logger.LogInformation("Force {ForceId} now triages with indicator set {Version}", user.ForceId, proposed.Version);
        return DeskResult.Done();
    }

    private static DeskResult? Check(string? json, out IndicatorSet? set)
    {
        set = null;
        if (string.IsNullOrWhiteSpace(json))
            return DeskResult.Refused("Paste or write the indicator set (JSON).", "json");
        if (json.Length > ForceIndicatorSet.MaxJsonLength)
            return DeskResult.Refused($"An indicator set is at most {ForceIndicatorSet.MaxJsonLength:N0} characters.", "json");
        if (!IndicatorSetParser.TryParse(json, out set, out var problem))
            return DeskResult.Refused($"Not saved: {problem}", "json");
        if (set.Version.Length > 64)
            return DeskResult.Refused("Keep the \"version\" to 64 characters.", "json");
        return null;
    }

    private static string Preview(string text) => text.Length <= 160 ? text : text[..157] + "…";

    private sealed record Cached(string? OwnVersion, TriageEngine Engine, DateTimeOffset CheckedAt);
}

/// <summary>The force's indicator set as an administrator sees it.</summary>
public sealed record IndicatorSetView(string Version, bool IsDefault, string Json, DateTimeOffset? SavedAt, string? SavedByName);

/// <summary>What a proposed set would change on the force's latest messages.</summary>
public sealed record IndicatorSetEffect(
    string CurrentVersion, string ProposedVersion, int Assessed, int GradeChanged, int LifeAtRiskGained,
    IReadOnlyList<IndicatorSetEffect.Example> LifeAtRiskLost, IReadOnlyList<IndicatorSetEffect.Example> Changes, string Summary)
{
    /// <summary>One message whose assessment would change.</summary>
    public sealed record Example(Guid ConversationId, DateTimeOffset SentAt, string Text, int GradeBefore, int GradeAfter, bool LifeAtRiskBefore, bool LifeAtRiskAfter);
}
