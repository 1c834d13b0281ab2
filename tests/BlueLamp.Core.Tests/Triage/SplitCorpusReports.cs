using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// What the corpora split into a tune part (gated) and a sealed part (reported once, never gated) share: the
/// shape checks, the gated tune report and the sealed report, each printed with a Welsh-only section.
/// </summary>
internal static class SplitCorpusReports
{
    public const double RequiredLifeRecall = 0.98;
    public const double RequiredLifePrecision = 0.85;

    public static void AssertWellFormed(IReadOnlyList<CorpusMessage> corpus)
    {
        Assert.All(corpus, m => Assert.Contains(m.Split, new[] { "tune", "sealed" }));
        Assert.All(corpus, m => Assert.True(TriageCategoryCodes.TryParse(m.ExpectedCategory, out _), $"{m.Id} has unknown category {m.ExpectedCategory}"));
        Assert.All(corpus, m => Assert.InRange(m.ExpectedGrade, 1, 4));
        Assert.All(corpus.Where(m => m.ExpectedLifeAtRisk), m => Assert.Equal(1, m.ExpectedGrade));
        Assert.Equal(corpus.Count, corpus.Select(m => m.Id).Distinct().Count());
        Assert.Equal(corpus.Count, corpus.Select(m => m.Text).Distinct().Count());
    }

    /// <summary>Prints the tune part's report and fails below the life-at-risk bars.</summary>
    public static void GateTune(ITestOutputHelper output, IReadOnlyList<CorpusMessage> corpus, string title, Func<CorpusMessage, bool> isWelsh)
    {
        var tune = corpus.Where(m => m.Split == "tune").ToList();
        var evaluation = Print(output, tune, title, isWelsh);

        Assert.True(evaluation.LifeRecall >= RequiredLifeRecall, $"Life-at-risk recall {evaluation.LifeRecall:0.000} on the {title} is below {RequiredLifeRecall}.");
        Assert.True(evaluation.LifePrecision >= RequiredLifePrecision, $"Life-at-risk precision {evaluation.LifePrecision:0.000} on the {title} is below {RequiredLifePrecision}.");
    }

    /// <summary>Prints the tune part's report with its misses, not gated: a tune half a round is still working on.</summary>
    public static void ReportTune(ITestOutputHelper output, IReadOnlyList<CorpusMessage> corpus, string title, Func<CorpusMessage, bool> isWelsh) =>
        Print(output, corpus.Where(m => m.Split == "tune").ToList(), title, isWelsh);

    /// <summary>
    /// Prints the sealed part's figures only, never its misses' texts (reading them would spend the split); run once,
    /// after tuning, and never gated.
    /// </summary>
    public static void ReportSealed(ITestOutputHelper output, IReadOnlyList<CorpusMessage> corpus, string title, Func<CorpusMessage, bool> isWelsh) =>
        Print(output, corpus.Where(m => m.Split == "sealed").ToList(), title, isWelsh, withMisses: false);

    private static TriageEvaluation Print(ITestOutputHelper output, List<CorpusMessage> part, string title, Func<CorpusMessage, bool> isWelsh, bool withMisses = true)
    {
        var evaluation = new TriageEvaluation(TriageEngine.Default, part);
        output.WriteLine($"engine {TriageEngine.Default.EngineVersion}, indicator set {TriageEngine.Default.IndicatorSet.Version}");
        output.WriteLine(evaluation.Report(title, withMisses));
        output.WriteLine(new TriageEvaluation(TriageEngine.Default, part.Where(isWelsh)).Report($"{title}, Welsh only", withMisses));
        return evaluation;
    }
}
