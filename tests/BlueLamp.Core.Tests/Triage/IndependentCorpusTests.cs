using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/independent-corpus.jsonl</c>: 300 messages written by a second
/// author before reading the rules, split into a <c>tune</c> half (which the rules may be tuned on) and a
/// <c>sealed</c> half (measured once after tuning, never tuned on, never gated). Each half has its own test so
/// that running the tune half while tuning never shows the sealed half's misses:
/// <c>BlueLamp.Core.Tests -method "*Independent_corpus_tune*" -showLiveOutput</c>.
/// </summary>
public sealed class IndependentCorpusTests(ITestOutputHelper output)
{
    private const double RequiredLifeRecall = 0.98;
    private const double RequiredLifePrecision = 0.85;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.IndependentCorpus);

    [Fact]
    public void The_independent_corpus_is_well_formed_and_split_in_half()
    {
        Assert.Equal(300, Corpus.Count);
        Assert.All(Corpus, m => Assert.Contains(m.Split, new[] { "tune", "sealed" }));
        Assert.Equal(Corpus.Count / 2, Corpus.Count(m => m.Split == "tune"));
        Assert.All(Corpus, m => Assert.True(TriageCategoryCodes.TryParse(m.ExpectedCategory, out _), $"{m.Id} has unknown category {m.ExpectedCategory}"));
        Assert.All(Corpus, m => Assert.InRange(m.ExpectedGrade, 1, 4));
        Assert.All(Corpus.Where(m => m.ExpectedLifeAtRisk), m => Assert.Equal(1, m.ExpectedGrade));
        Assert.Equal(Corpus.Count, Corpus.Select(m => m.Id).Distinct().Count());
        Assert.Equal(Corpus.Count, Corpus.Select(m => m.Text).Distinct().Count());
    }

    /// <summary>
    /// Prints the tune half's report and gates it at the same bars as the original corpus. The rules were tuned
    /// on this half, so this is a guard against regressions on a second author's wording, not a measure of
    /// how the rules do on unseen wording (that is the sealed half).
    /// </summary>
    [Fact]
    public void Independent_corpus_tune_half_report()
    {
        var tune = Corpus.Where(m => m.Split == "tune").ToList();
        var evaluation = new TriageEvaluation(TriageEngine.Default, tune);
        output.WriteLine($"engine {TriageEngine.Version}, indicator set {TriageEngine.Default.IndicatorSet.Version}");
        output.WriteLine(evaluation.Report("independent corpus, tune half"));
        output.WriteLine(new TriageEvaluation(TriageEngine.Default, tune.Where(IsWelsh)).Report("independent corpus, tune half, Welsh only"));

        Assert.True(evaluation.LifeRecall >= RequiredLifeRecall, $"Life-at-risk recall {evaluation.LifeRecall:0.000} on the independent tune half is below {RequiredLifeRecall}.");
        Assert.True(evaluation.LifePrecision >= RequiredLifePrecision, $"Life-at-risk precision {evaluation.LifePrecision:0.000} on the independent tune half is below {RequiredLifePrecision}.");
    }

    /// <summary>Read once, after tuning. Not a gate: its figures are reported as they are.</summary>
    [Fact]
    public void Independent_corpus_sealed_half_report()
    {
        var @sealed = Corpus.Where(m => m.Split == "sealed").ToList();
        var evaluation = new TriageEvaluation(TriageEngine.Default, @sealed);
        output.WriteLine($"engine {TriageEngine.Version}, indicator set {TriageEngine.Default.IndicatorSet.Version}");
        output.WriteLine(evaluation.Report("independent corpus, sealed half (never tuned on)"));
        output.WriteLine(new TriageEvaluation(TriageEngine.Default, @sealed.Where(IsWelsh)).Report("independent corpus, sealed half, Welsh only"));
    }

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("ind-cy-", StringComparison.Ordinal);
}
