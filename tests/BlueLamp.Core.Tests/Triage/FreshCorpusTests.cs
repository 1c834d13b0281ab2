using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh-corpus.jsonl</c>: 420 messages (68 Welsh) written by someone who
/// had not read the engine, the indicator set or the other corpora. Its sealed quarter was measured three times
/// (before and after round 4, after the round 5 model), figures only, and retired into <c>tune</c> at the start of
/// round 6, when its misses were read; the whole corpus is now a gated tune set:
/// <c>BlueLamp.Core.Tests -method "*Fresh_corpus_tune*" -showLiveOutput</c>.
/// </summary>
public sealed class FreshCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus);

    [Fact]
    public void The_fresh_corpus_is_well_formed_and_all_tune_since_its_sealed_split_was_retired()
    {
        Assert.True(Corpus.Count >= 400, $"The fresh corpus has {Corpus.Count} messages.");
        Assert.All(Corpus, m => Assert.Equal("tune", m.Split));
        SplitCorpusReports.AssertWellFormed(Corpus);
    }

    /// <summary>The tune split's report (the whole corpus), gated at the same bars as the other corpora: a regression guard, not an estimate.</summary>
    [Fact]
    public void Fresh_corpus_tune_split_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "fresh corpus, tune split", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr-cy-", StringComparison.Ordinal);
}
