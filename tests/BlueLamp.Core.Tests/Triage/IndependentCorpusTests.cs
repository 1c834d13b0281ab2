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
    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.IndependentCorpus);

    [Fact]
    public void The_independent_corpus_is_well_formed_and_split_in_half()
    {
        Assert.Equal(300, Corpus.Count);
        Assert.Equal(Corpus.Count / 2, Corpus.Count(m => m.Split == "tune"));
        SplitCorpusReports.AssertWellFormed(Corpus);
    }

    /// <summary>
    /// Prints the tune half's report and gates it at the same bars as the original corpus. The rules were tuned
    /// on this half, so this is a guard against regressions on a second author's wording, not a measure of
    /// how the rules do on unseen wording (that is the sealed half).
    /// </summary>
    [Fact]
    public void Independent_corpus_tune_half_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "independent corpus, tune half", IsWelsh);

    /// <summary>Read once, after tuning. Not a gate: its figures are reported as they are.</summary>
    [Fact]
    public void Independent_corpus_sealed_half_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "independent corpus, sealed half (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("ind-cy-", StringComparison.Ordinal);
}
