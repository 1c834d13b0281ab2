using System.Text.RegularExpressions;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh5-corpus.jsonl</c>: 448 messages (85 Welsh) written by someone who had
/// not read the engine, the indicator set, the life-at-risk model, docs/triage.md or the other corpora, in platform-native
/// forms (story replies, quote-posts, Bluesky threads, replies to other commenters, community group posts, emoji) and
/// voices the earlier corpora had little of. It is wholly <c>sealed</c>: kept unseen to measure the next round of rule
/// changes once, at its end, figures only: <c>BlueLamp.Core.Tests -method "*Fresh_corpus_5*" -showLiveOutput</c>.
/// </summary>
public sealed partial class FreshCorpus5Tests(ITestOutputHelper output)
{
    /// <summary>Every message here fits in a post on X.</summary>
    private const int LongestText = 280;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus5);

    [Fact]
    public void The_fifth_fresh_corpus_is_well_formed_and_wholly_sealed()
    {
        SplitCorpusReports.AssertBlindCorpusShape(Corpus, IdPattern(), IsWelsh, LongestText, sealedPercent: 100);
        Assert.All(Corpus, m => Assert.Equal("sealed", m.Split));
    }

    /// <summary>Figures only, no misses, never gated: the measure of how the rules do on wording they were never shaped by.</summary>
    [Fact]
    public void Fresh_corpus_5_sealed_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "fifth fresh corpus, wholly sealed (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr5-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr5-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
