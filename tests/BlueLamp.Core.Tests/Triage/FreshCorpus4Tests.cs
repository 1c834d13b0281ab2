using System.Text.RegularExpressions;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh4-corpus.jsonl</c>: 504 messages (87 Welsh) written by someone who had
/// not read the engine, the indicator set, the life-at-risk model, docs/triage.md or any other corpus beyond its field
/// names, while round 8 was changing the rules, in voices the earlier corpora had little of (people writing in a work
/// role, stoic and very formal wording, autistic-literal and learning-disability wording, second-language English,
/// web-chat fragments) and situations they had little of (stalking, image-based abuse, honour-based abuse, county
/// lines, carbon monoxide, water and ice, farms, festivals, fire, threats made online). Round 8 was measured on all of
/// it once, figures only. Before round 9 it was split 50/50 into <c>tune</c> and <c>sealed</c>
/// (<c>Samples/split-halves.py</c>, seed 20261127): rounds 9 and 10 tuned on <c>tune</c>; <c>sealed</c> was measured
/// after rounds 8, 9 and 10, figures only. <b>Retired in round 11</b>: every line is <c>tune</c> now (labels unchanged), so
/// the report prints all of it with its misses: <c>BlueLamp.Core.Tests -method "*Fresh_corpus_4*" -showLiveOutput</c>.
/// </summary>
public sealed partial class FreshCorpus4Tests(ITestOutputHelper output)
{
    /// <summary>Facebook and web chat allow messages longer than a post on X; the longest here is 254 characters.</summary>
    private const int LongestText = 1000;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus4);

    [Fact]
    public void The_fourth_fresh_corpus_is_well_formed_and_wholly_tune() =>
        SplitCorpusReports.AssertBlindCorpusShape(Corpus, IdPattern(), IsWelsh, LongestText, sealedPercent: 0);

    /// <summary>
    /// The whole corpus's report with its misses (all of it is tune since round 11 retired the sealed half), gated: round
    /// 11 tuned on all of it (recall 0.871, precision 0.910 when the sealed half was retired) and reached the bars.
    /// </summary>
    [Fact]
    public void Fresh_corpus_4_tune_split_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "fourth fresh corpus, whole (tune since round 11)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr4-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr4-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
