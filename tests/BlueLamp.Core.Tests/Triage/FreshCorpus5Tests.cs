using System.Text.RegularExpressions;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh5-corpus.jsonl</c>: 448 messages (85 Welsh) written by someone who had
/// not read the engine, the indicator set, the life-at-risk model, docs/triage.md or the other corpora, in platform-native
/// forms (story replies, quote-posts, Bluesky threads, replies to other commenters, community group posts, emoji) and
/// voices the earlier corpora had little of, while round 9 was changing the rules. Round 9 was measured on all of it once,
/// figures only. Before round 10 it was split 50/50 into <c>tune</c> and <c>sealed</c> (<c>Samples/split-halves.py</c>,
/// seed 20261128): rounds 10 and 11 tuned on <c>tune</c>; <c>sealed</c> was measured after rounds 9, 10 and 11, figures only.
/// <b>Retired in round 12</b>: every line is <c>tune</c> now (labels unchanged), so the report prints all of it with its
/// misses: <c>BlueLamp.Core.Tests -method "*Fresh_corpus_5*" -showLiveOutput</c>.
/// </summary>
public sealed partial class FreshCorpus5Tests(ITestOutputHelper output)
{
    /// <summary>Every message here fits in a post on X.</summary>
    private const int LongestText = 280;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus5);

    [Fact]
    public void The_fifth_fresh_corpus_is_well_formed_and_wholly_tune() =>
        SplitCorpusReports.AssertBlindCorpusShape(Corpus, IdPattern(), IsWelsh, LongestText, sealedPercent: 0);

    /// <summary>
    /// The whole corpus's report with its misses (all of it is tune since round 12 retired the sealed half), gated: round
    /// 12 tuned on all of it (recall 0.882, precision 0.907 when the sealed half was retired) and reached the bars.
    /// </summary>
    [Fact]
    public void Fresh_corpus_5_tune_split_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "fifth fresh corpus, whole (tune since round 12)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr5-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr5-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
