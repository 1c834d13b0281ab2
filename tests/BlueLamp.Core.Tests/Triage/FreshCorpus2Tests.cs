using System.Text.RegularExpressions;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh2-corpus.jsonl</c>: 441 messages (76 Welsh) written by someone who
/// had not read the engine, the indicator set, docs/triage.md or the other corpora, split 50/50 into <c>tune</c> and
/// <c>sealed</c>. Round 7 tuned on <c>tune</c> (and trained the life-at-risk model on it), so that half is gated like the
/// other tune sets; <c>sealed</c> is never tuned on and its report prints figures only:
/// <c>BlueLamp.Core.Tests -method "*Fresh_corpus_2*" -showLiveOutput</c>.
/// </summary>
public sealed partial class FreshCorpus2Tests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus2);

    [Fact]
    public void The_second_fresh_corpus_is_well_formed_with_half_sealed()
    {
        Assert.True(Corpus.Count >= 400, $"The second fresh corpus has {Corpus.Count} messages.");
        Assert.InRange(Corpus.Count(m => m.Split == "sealed"), Corpus.Count * 45 / 100, Corpus.Count * 55 / 100);
        Assert.All(Corpus, m => Assert.Matches(IdPattern(), m.Id));
        Assert.All(Corpus, m => Assert.InRange(m.Text.Length, 1, 280));
        SplitCorpusReports.AssertWellFormed(Corpus);
    }

    /// <summary>The tune half's report with its misses, gated at the same bars as the other corpora since round 7 tuned on it: a regression guard, not an estimate.</summary>
    [Fact]
    public void Fresh_corpus_2_tune_split_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "second fresh corpus, tune split", IsWelsh);

    /// <summary>Figures only, no misses, never gated: the measure of how the rules do on wording they were never shaped by.</summary>
    [Fact]
    public void Fresh_corpus_2_sealed_split_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "second fresh corpus, sealed split (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr2-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr2-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
