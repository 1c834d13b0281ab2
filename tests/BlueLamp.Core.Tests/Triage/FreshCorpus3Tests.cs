using System.Text.RegularExpressions;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh3-corpus.jsonl</c>: 460 messages (81 Welsh) written by someone who had
/// not read the engine, the indicator set, the life-at-risk model, docs/triage.md or the other corpora, in voices a
/// rules author would not expect (long rambles, one word, split lines, voice-to-text, dialect, non-native English).
/// Round 7 was measured on all of it, once, figures only. Before round 8 it was split 50/50 into <c>tune</c> and
/// <c>sealed</c> (<c>Samples/split-halves.py</c>): round 8 tunes on <c>tune</c>; <c>sealed</c> is never tuned on and its
/// report prints figures only: <c>BlueLamp.Core.Tests -method "*Fresh_corpus_3*" -showLiveOutput</c>.
/// </summary>
public sealed partial class FreshCorpus3Tests(ITestOutputHelper output)
{
    /// <summary>Facebook and web chat messages run longer than a post on X; the longest here is a long ramble.</summary>
    private const int LongestText = 1000;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus3);

    [Fact]
    public void The_third_fresh_corpus_is_well_formed_with_half_sealed() =>
        SplitCorpusReports.AssertBlindCorpusShape(Corpus, IdPattern(), IsWelsh, LongestText);

    /// <summary>The tune half's report with its misses; not gated until a round has tuned on it and reached the bars.</summary>
    [Fact]
    public void Fresh_corpus_3_tune_split_report() =>
        SplitCorpusReports.ReportTune(output, Corpus, "third fresh corpus, tune split", IsWelsh);

    /// <summary>Figures only, no misses, never gated: the measure of how the rules do on wording they were never shaped by.</summary>
    [Fact]
    public void Fresh_corpus_3_sealed_split_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "third fresh corpus, sealed split (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr3-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr3-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
