using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh-corpus.jsonl</c>: 420 messages (68 Welsh) written by someone who
/// had not read the engine, the indicator set or the other corpora, split 75/25 into <c>tune</c> (gated, tuned on
/// from round 4) and <c>sealed</c> (measured before and after round 4, never tuned on, never gated). The sealed
/// report prints figures only, never the misses' texts:
/// <c>BlueLamp.Core.Tests -method "*Fresh_corpus_tune*" -showLiveOutput</c>.
/// </summary>
public sealed class FreshCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus);

    [Fact]
    public void The_fresh_corpus_is_well_formed_with_a_quarter_sealed()
    {
        Assert.True(Corpus.Count >= 400, $"The fresh corpus has {Corpus.Count} messages.");
        Assert.InRange(Corpus.Count(m => m.Split == "sealed"), Corpus.Count / 5, Corpus.Count / 3);
        SplitCorpusReports.AssertWellFormed(Corpus);
    }

    /// <summary>The tune split's report, gated at the same bars as the other corpora: a regression guard, not an estimate.</summary>
    [Fact]
    public void Fresh_corpus_tune_split_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "fresh corpus, tune split", IsWelsh);

    /// <summary>Read once, after tuning: figures only, no misses. Not a gate.</summary>
    [Fact]
    public void Fresh_corpus_sealed_split_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "fresh corpus, sealed split (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr-cy-", StringComparison.Ordinal);
}
