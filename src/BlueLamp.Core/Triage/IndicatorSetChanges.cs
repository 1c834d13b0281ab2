using System.Globalization;

namespace BlueLamp.Core.Triage;

/// <summary>What changed between two indicator sets, in words for the audit trail and the administrator.</summary>
public static class IndicatorSetChanges
{
    public static string Describe(IndicatorSet before, IndicatorSet after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string> { $"version {before.Version} → {after.Version}" };
        if (Math.Abs(before.LifeAtRiskThreshold - after.LifeAtRiskThreshold) > 1e-9)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"life-at-risk threshold {before.LifeAtRiskThreshold} → {after.LifeAtRiskThreshold}"));
        if (before.NegationWindow != after.NegationWindow)
            parts.Add($"negation window {before.NegationWindow} → {after.NegationWindow}");
        if (!before.AppealParents.Order().SequenceEqual(after.AppealParents.Order()))
            parts.Add($"appeal purposes {string.Join("/", before.AppealParents)} → {string.Join("/", after.AppealParents)}");
        var regraded = after.Categories.Where(c => before.GradingOf(c.Category) != c).Select(c => c.Category.ToCode()).ToList();
        if (regraded.Count > 0)
            parts.Add($"grading changed: {string.Join(", ", regraded)}");

        var old = before.Indicators.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var now = after.Indicators.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var added = now.Keys.Where(n => !old.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        var removed = old.Keys.Where(n => !now.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        var changed = new List<string>();
        foreach (var (name, indicator) in now)
        {
            if (!old.TryGetValue(name, out var was))
                continue;
            var what = new List<string>();
            if (Math.Abs(was.Weight - indicator.Weight) > 1e-9)
                what.Add(string.Create(CultureInfo.InvariantCulture, $"weight {was.Weight} → {indicator.Weight}"));
            var gained = indicator.Phrases.Except(was.Phrases, StringComparer.Ordinal).Count();
            var lost = was.Phrases.Except(indicator.Phrases, StringComparer.Ordinal).Count();
            if (gained > 0 || lost > 0)
                what.Add($"phrases +{gained} −{lost}");
            if (was.LifeThreatening != indicator.LifeThreatening)
                what.Add(indicator.LifeThreatening ? "now life-threatening" : "no longer life-threatening");
            if (was.Role != indicator.Role || was.Category != indicator.Category || was.Grade != indicator.Grade || was.Requires != indicator.Requires
                || was.Hyperbole != indicator.Hyperbole || was.Subject != indicator.Subject)
                what.Add("role, category or grading");
            if (what.Count > 0)
                changed.Add($"{name} ({string.Join(", ", what)})");
        }
        if (added.Count > 0)
            parts.Add($"{added.Count} indicator{(added.Count == 1 ? "" : "s")} added: {string.Join(", ", added)}");
        if (removed.Count > 0)
            parts.Add($"{removed.Count} removed: {string.Join(", ", removed)}");
        if (changed.Count > 0)
            parts.Add($"{changed.Count} changed: {string.Join("; ", changed)}");
        if (!before.WelshWords.SequenceEqual(after.WelshWords) || !before.EnglishWords.SequenceEqual(after.EnglishWords))
            parts.Add("language words changed");
        return parts.Count == 1 ? parts[0] + "; no rule changed" : string.Join("; ", parts);
    }
}
