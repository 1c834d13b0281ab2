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

    /// <summary>
    /// The shape of a blind corpus written in many voices (the third and later): at least 400 messages,
    /// <paramref name="sealedPercent"/> of them sealed give or take five points (half for a corpus split in halves, all
    /// of it for one kept wholly unseen), ids in the corpus's pattern, texts up to <paramref name="longestText"/>, a
    /// parent exactly for comments, every category used, a tenth to a quarter Welsh, a quarter to 45% life at risk.
    /// </summary>
    public static void AssertBlindCorpusShape(IReadOnlyList<CorpusMessage> corpus, System.Text.RegularExpressions.Regex idPattern, Func<CorpusMessage, bool> isWelsh, int longestText, int sealedPercent = 50)
    {
        Assert.True(corpus.Count >= 400, $"The corpus has {corpus.Count} messages.");
        Assert.InRange(corpus.Count(m => m.Split == "sealed"), corpus.Count * (sealedPercent - 5) / 100, Math.Min(corpus.Count, corpus.Count * (sealedPercent + 5) / 100));
        Assert.All(corpus, m => Assert.Matches(idPattern, m.Id));
        Assert.All(corpus, m => Assert.InRange(m.Text.Length, 1, longestText));
        Assert.All(corpus, m => Assert.Equal(m.Kind == "comment", m.Parent is not null));
        Assert.Equal(TriageCategoryCodes.All.Select(c => c.ToCode()).Order(), corpus.Select(m => m.ExpectedCategory).Distinct().Order());
        Assert.InRange(corpus.Count(isWelsh), corpus.Count / 10, corpus.Count / 4);
        Assert.InRange(corpus.Count(m => m.ExpectedLifeAtRisk), corpus.Count / 4, corpus.Count * 45 / 100);
        AssertWellFormed(corpus);
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
