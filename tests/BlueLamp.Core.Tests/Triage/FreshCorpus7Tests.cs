using System.Text.RegularExpressions;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh7-corpus.jsonl</c>: 501 messages (98 Welsh) written by someone who had
/// not read the engine, the indicator set, the life-at-risk model, docs/triage.md or the other corpora, in voices and
/// situations the earlier corpora had little of (farmers and remote rural people, seafarers and anglers, hill walkers and
/// climbers, outreach workers, neighbours through a wall, school and youth staff, long rambles with one line of danger,
/// one- and two-word messages, pasted links and screenshots, very literal writers, proud understated older men, calm and
/// polite people in crisis, gamers and streamers, forwarded messages, Welsh of several ages and regions; people missing
/// on a hill or at sea, people in the water, cars in rivers, farm accidents, carbon monoxide and fire, sextortion with a
/// deadline, grooming, honour-based abuse, overdoses and spiking at parties, live-streamed threats, public suicide
/// notes), while round 12 was changing the rules. It is kept wholly sealed: no round tunes on it or prints its misses,
/// and its report prints figures only, once, at a round's end:
/// <c>BlueLamp.Core.Tests -method "*Fresh_corpus_7_sealed*" -showLiveOutput</c>.
/// </summary>
public sealed partial class FreshCorpus7Tests(ITestOutputHelper output)
{
    /// <summary>Most messages fit in a post on X; a few rambles are as long as Facebook and web chat allow people to write.</summary>
    private const int LongestText = 1000;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus7);

    [Fact]
    public void The_seventh_fresh_corpus_is_well_formed_and_wholly_sealed()
    {
        SplitCorpusReports.AssertBlindCorpusShape(Corpus, IdPattern(), IsWelsh, LongestText, sealedPercent: 100);
        Assert.All(Corpus, m => Assert.Equal("sealed", m.Split));
    }

    /// <summary>Figures only, no misses, never gated: the measure of how the rules do on wording they were never shaped by.</summary>
    [Fact]
    public void Fresh_corpus_7_sealed_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "seventh fresh corpus, wholly sealed (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr7-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr7-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
