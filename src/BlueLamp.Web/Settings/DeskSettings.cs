using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using BlueLamp.Web.Triage;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Settings;

/// <summary>
/// The force's desk settings an administrator keeps: the safe public line posted when a comment is answered privately
/// (English and Welsh), the life-at-risk path's holding reply (English and Welsh) and handover acknowledgement limit,
/// whether the statistical life-at-risk model adds its signal to the rules, and the first-look limit for private messages.
/// Reading and changing them are audited.
/// </summary>
public sealed class DeskSettings(BlueLampDbFactory dbs, AuditTrail audit, ForceIndicatorSets engines)
{
    public async Task<SafePublicLines> SafePublicLinesAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var lines = await db.Forces.AsNoTracking().Where(f => f.Id == user.ForceId)
            .Select(f => new SafePublicLines(f.SafePublicLineEnglish, f.SafePublicLineWelsh)).SingleAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(SettingsAuditActions.SettingsViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"), "desk settings"), cancellationToken);
        return lines;
    }

    /// <summary>Sets the force's own wording; empty restores the default. Too long a line is refused and nothing changes.</summary>
    public async Task<DeskResult> SetSafePublicLinesAsync(DeskUser user, string? english, string? welsh, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var force = await db.Forces.SingleAsync(f => f.Id == user.ForceId, cancellationToken);
        if (SafePublicLine.Problem(english?.Trim()) is { } englishProblem)
            return DeskResult.Refused(englishProblem, "english");
        if (SafePublicLine.Problem(welsh?.Trim()) is { } welshProblem)
            return DeskResult.Refused(welshProblem, "welsh");
        force.SetSafePublicLines(english, welsh);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.SafePublicLineChanged, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            $"English: {force.SafePublicLineEnglish ?? "(default)"}; Welsh: {force.SafePublicLineWelsh ?? "(default)"}"), cancellationToken);
        return DeskResult.Done();
    }

    public async Task<LifeAtRiskSettings> LifeAtRiskAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var settings = await db.Forces.AsNoTracking().Where(f => f.Id == user.ForceId)
            .Select(f => new LifeAtRiskSettings(f.HoldingReplyEnglish, f.HoldingReplyWelsh, f.HandoverAcknowledgeSeconds)).SingleAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(SettingsAuditActions.SettingsViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"), "life-at-risk settings"), cancellationToken);
        return settings;
    }

    /// <summary>
    /// Sets the force's holding replies (empty restores the default; each must send anyone in danger to 999 and promise
    /// no help) and acknowledgement limit (null restores the default). Anything refused changes nothing.
    /// </summary>
    public async Task<DeskResult> SetLifeAtRiskAsync(DeskUser user, LifeAtRiskSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Dictionary<string, string>();
        if (HoldingReply.Problem(settings.HoldingReplyEnglish) is { } englishProblem)
            errors["holdingReplyEnglish"] = englishProblem;
        if (HoldingReply.Problem(settings.HoldingReplyWelsh) is { } welshProblem)
            errors["holdingReplyWelsh"] = welshProblem;
        await using var db = dbs.ForForce(user.ForceId);
        var force = await db.Forces.SingleAsync(f => f.Id == user.ForceId, cancellationToken);
        if (force.SetHandoverAcknowledgeLimit(settings.HandoverAcknowledgeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null) is { } limitProblem)
            errors["handoverAcknowledgeSeconds"] = limitProblem;
        if (errors.Count > 0)
            return DeskResult.Invalid(errors);
        force.SetHoldingReplies(settings.HoldingReplyEnglish, settings.HoldingReplyWelsh);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.LifeAtRiskSettingsChanged, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            $"holding reply English: {force.HoldingReplyEnglish ?? "(default)"}; Welsh: {force.HoldingReplyWelsh ?? "(default)"}; acknowledge within: {(force.HandoverAcknowledgeSeconds is { } s ? $"{s} s" : "(default)")}"),
            cancellationToken);
        return DeskResult.Done();
    }

    /// <summary>The force's first-look limit for private messages (audited read).</summary>
    public async Task<FirstLookSetting> FirstLookAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var minutes = await db.Forces.AsNoTracking().Where(f => f.Id == user.ForceId).Select(f => f.FirstLookMinutes).SingleAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(SettingsAuditActions.SettingsViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"), "first-look limit"), cancellationToken);
        return new FirstLookSetting(minutes, (int)FirstLookPolicy.FromMinutes(minutes).Limit.TotalMinutes);
    }

    /// <summary>
    /// Sets how soon an operator must open every private message (null restores the default, 30 minutes); applies at once
    /// to messages already waiting. Outside 1 minute to 24 hours it is refused and nothing changes.
    /// </summary>
    public async Task<DeskResult> SetFirstLookAsync(DeskUser user, int? minutes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var force = await db.Forces.SingleAsync(f => f.Id == user.ForceId, cancellationToken);
        var before = force.FirstLook.Limit;
        if (force.SetFirstLookLimit(minutes) is { } problem)
            return DeskResult.Refused(problem, "minutes");
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.FirstLookSettingsChanged, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            $"first look within: {before.TotalMinutes:0} min → {(minutes is { } m ? $"{m} min" : $"(default) {FirstLookPolicy.Default.Limit.TotalMinutes:0} min")}"), cancellationToken);
        return DeskResult.Done();
    }

    /// <summary>Whether the force's messages are assessed with the life-at-risk model beside the rules (audited read).</summary>
    public async Task<LifeAtRiskModelSetting> LifeAtRiskModelAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var off = await db.Forces.AsNoTracking().Where(f => f.Id == user.ForceId).Select(f => f.LifeAtRiskModelOff).SingleAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(SettingsAuditActions.SettingsViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"), "life-at-risk model setting"), cancellationToken);
        return new LifeAtRiskModelSetting(!off, LifeAtRiskModel.Default.Version);
    }

    /// <summary>
    /// Switches the life-at-risk model on or off for the force's messages from the next one on (this node at once, other
    /// nodes within <see cref="TriageOptions.IndicatorSetRefresh"/>). A missing choice is refused and nothing changes.
    /// </summary>
    public async Task<DeskResult> SetLifeAtRiskModelAsync(DeskUser user, bool? enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (enabled is not { } on)
            return DeskResult.Refused("Say whether the life-at-risk model is on (true) or off (false).", "enabled");
        await using var db = dbs.ForForce(user.ForceId);
        var force = await db.Forces.SingleAsync(f => f.Id == user.ForceId, cancellationToken);
        if (!force.SwitchLifeAtRiskModel(on))
            return DeskResult.Done();
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.LifeAtRiskModelSwitched, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            on ? $"life-at-risk model {LifeAtRiskModel.Default.Version} switched on: the rules and the model assess messages"
               : $"life-at-risk model {LifeAtRiskModel.Default.Version} switched off: the rules alone assess messages"), cancellationToken);
        engines.Forget(user.ForceId);
        return DeskResult.Done();
    }
}

/// <summary>The force's first-look limit for private messages: its own (null for the default) and the one in use.</summary>
public sealed record FirstLookSetting(int? Minutes, int InUseMinutes);

/// <summary>An administrator's first-look limit in whole minutes; null restores the default.</summary>
public sealed record FirstLookRequest(int? Minutes);

/// <summary>Whether the force uses the life-at-risk model, and which model ships.</summary>
public sealed record LifeAtRiskModelSetting(bool Enabled, string ModelVersion);

/// <summary>An administrator's choice of the life-at-risk model: on or off.</summary>
public sealed record LifeAtRiskModelRequest(bool? Enabled);

/// <summary>The force's own life-at-risk settings; null where the default is used.</summary>
public sealed record LifeAtRiskSettings(string? HoldingReplyEnglish, string? HoldingReplyWelsh, int? HandoverAcknowledgeSeconds);

/// <summary>The force's own safe public lines; null where the default is used.</summary>
public sealed record SafePublicLines(string? English, string? Welsh)
{
    public string EnglishOrDefault => English ?? SafePublicLine.DefaultEnglish;

    public string WelshOrDefault => Welsh ?? SafePublicLine.DefaultWelsh;
}
