using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

public sealed class IndicatorSetChangesTests
{
    private static IndicatorSet Edited(Func<string, string> edit) =>
        IndicatorSetParser.Parse(edit(IndicatorSetParser.DefaultJson().Replace($"\"version\": \"{IndicatorSet.Default.Version}\"", "\"version\": \"force-2\"", StringComparison.Ordinal)));

    [Fact]
    public void The_summary_names_the_versions_and_each_indicator_added_removed_or_reweighted()
    {
        var after = Edited(json => json
            .Replace("\"indicators\": [", "\"indicators\": [ { \"name\": \"road.crossing_lights\", \"category\": \"road\", \"weight\": 0.8, \"phrases\": [\"crossing lights broken\"] },", StringComparison.Ordinal)
            .Replace("\"name\": \"suicide.word\", \"category\": \"suicide_self_harm\", \"weight\": 0.5", "\"name\": \"suicide.word\", \"category\": \"suicide_self_harm\", \"weight\": 0.55", StringComparison.Ordinal)
            .Replace("\"lifeAtRiskThreshold\": 0.6", "\"lifeAtRiskThreshold\": 0.55", StringComparison.Ordinal));

        var summary = IndicatorSetChanges.Describe(IndicatorSet.Default, after);

        Assert.StartsWith($"version {IndicatorSet.Default.Version} → force-2", summary, StringComparison.Ordinal);
        Assert.Contains("life-at-risk threshold 0.6 → 0.55", summary, StringComparison.Ordinal);
        Assert.Contains("1 indicator added: road.crossing_lights", summary, StringComparison.Ordinal);
        Assert.Contains("suicide.word (weight 0.5 → 0.55)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("removed", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_version_with_the_same_rules_says_so()
    {
        Assert.Equal($"version {IndicatorSet.Default.Version} → force-2; no rule changed", IndicatorSetChanges.Describe(IndicatorSet.Default, Edited(json => json)));
    }
}
