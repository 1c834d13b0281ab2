using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The gate on the default indicator set: a missed life-at-risk message is the worst thing BlueLamp can do,
/// a desk drowned in false alarms the second worst. The report goes to the test output.
/// </summary>
public sealed class TriageCorpusTests(ITestOutputHelper output)
{
    private const double RequiredLifeRecall = 0.98;
    private const double RequiredLifePrecision = 0.85;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load();

    [Fact]
    public void The_corpus_has_at_least_400_messages_with_a_tenth_held_out()
    {
        Assert.True(Corpus.Count >= 400, $"The corpus has {Corpus.Count} messages.");
        var heldOut = Corpus.Count(m => m.Split == "holdout");
        Assert.InRange(heldOut, Corpus.Count / 12, Corpus.Count / 8);
        Assert.All(Corpus, m => Assert.Contains(m.Split, new[] { "tune", "holdout" }));
        Assert.All(Corpus, m => Assert.True(TriageCategoryCodes.TryParse(m.ExpectedCategory, out _), $"{m.Id} has unknown category {m.ExpectedCategory}"));
        Assert.Equal(Corpus.Count, Corpus.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void Life_at_risk_recall_and_precision_on_the_whole_corpus_meet_the_bar()
    {
        var whole = new TriageEvaluation(TriageEngine.Default, Corpus);
        var tune = new TriageEvaluation(TriageEngine.Default, Corpus.Where(m => m.Split == "tune"));
        var holdout = new TriageEvaluation(TriageEngine.Default, Corpus.Where(m => m.Split == "holdout"));
        output.WriteLine($"engine {TriageEngine.Default.EngineVersion}, indicator set {TriageEngine.Default.IndicatorSet.Version}");
        output.WriteLine(whole.Report("whole corpus"));
        output.WriteLine(tune.Report("tune split"));
        output.WriteLine(holdout.Report("holdout split (never tuned on)"));

        Assert.True(whole.LifeRecall >= RequiredLifeRecall, $"Life-at-risk recall {whole.LifeRecall:0.000} is below {RequiredLifeRecall}.");
        Assert.True(whole.LifePrecision >= RequiredLifePrecision, $"Life-at-risk precision {whole.LifePrecision:0.000} is below {RequiredLifePrecision}.");
    }
}
