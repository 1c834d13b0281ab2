using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/social-corpus.jsonl</c>: 476 messages in the public's own social-media
/// wording (English and Welsh, DMs, comments under appeals, third-party reports, indirect suicidal ideation and hard
/// negatives), written before the rules were studied, split 80/20 into <c>tune</c> (gated, tuned on) and
/// <c>sealed</c> (measured once after tuning, never tuned on, never gated). As with the independent corpus, each
/// split has its own test so that running the tune split never shows the sealed split's misses:
/// <c>BlueLamp.Core.Tests -method "*Social_corpus_tune*" -showLiveOutput</c>.
/// </summary>
public sealed class SocialCorpusTests(ITestOutputHelper output)
{
    private const double RequiredLifeRecall = 0.98;
    private const double RequiredLifePrecision = 0.85;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.SocialCorpus);

    [Fact]
    public void The_social_corpus_is_well_formed_with_a_fifth_sealed()
    {
        Assert.True(Corpus.Count >= 400, $"The social corpus has {Corpus.Count} messages.");
        Assert.All(Corpus, m => Assert.Contains(m.Split, new[] { "tune", "sealed" }));
        Assert.InRange(Corpus.Count(m => m.Split == "sealed"), Corpus.Count / 6, Corpus.Count / 4);
        Assert.All(Corpus, m => Assert.True(TriageCategoryCodes.TryParse(m.ExpectedCategory, out _), $"{m.Id} has unknown category {m.ExpectedCategory}"));
        Assert.All(Corpus, m => Assert.InRange(m.ExpectedGrade, 1, 4));
        Assert.All(Corpus.Where(m => m.ExpectedLifeAtRisk), m => Assert.Equal(1, m.ExpectedGrade));
        Assert.Equal(Corpus.Count, Corpus.Select(m => m.Id).Distinct().Count());
        Assert.Equal(Corpus.Count, Corpus.Select(m => m.Text).Distinct().Count());
    }

    /// <summary>The tune split's report, gated at the same bars as the other corpora: a regression guard, not an estimate.</summary>
    [Fact]
    public void Social_corpus_tune_split_report()
    {
        var tune = Corpus.Where(m => m.Split == "tune").ToList();
        var evaluation = new TriageEvaluation(TriageEngine.Default, tune);
        output.WriteLine($"engine {TriageEngine.Version}, indicator set {TriageEngine.Default.IndicatorSet.Version}");
        output.WriteLine(evaluation.Report("social corpus, tune split"));
        output.WriteLine(new TriageEvaluation(TriageEngine.Default, tune.Where(IsWelsh)).Report("social corpus, tune split, Welsh only"));

        Assert.True(evaluation.LifeRecall >= RequiredLifeRecall, $"Life-at-risk recall {evaluation.LifeRecall:0.000} on the social tune split is below {RequiredLifeRecall}.");
        Assert.True(evaluation.LifePrecision >= RequiredLifePrecision, $"Life-at-risk precision {evaluation.LifePrecision:0.000} on the social tune split is below {RequiredLifePrecision}.");
    }

    /// <summary>Read once, after tuning. Not a gate: its figures are reported as they are.</summary>
    [Fact]
    public void Social_corpus_sealed_split_report()
    {
        var @sealed = Corpus.Where(m => m.Split == "sealed").ToList();
        var evaluation = new TriageEvaluation(TriageEngine.Default, @sealed);
        output.WriteLine($"engine {TriageEngine.Version}, indicator set {TriageEngine.Default.IndicatorSet.Version}");
        output.WriteLine(evaluation.Report("social corpus, sealed split (never tuned on)"));
        output.WriteLine(new TriageEvaluation(TriageEngine.Default, @sealed.Where(IsWelsh)).Report("social corpus, sealed split, Welsh only"));
    }

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("soc-cy-", StringComparison.Ordinal);
}
