using System.Text.RegularExpressions;
using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh4-corpus.jsonl</c>: 504 messages (87 Welsh) written by someone who had
/// not read the engine, the indicator set, the life-at-risk model, docs/triage.md or any other corpus beyond its field
/// names, while round 8 was changing the rules, in voices the earlier corpora had little of (people writing in a work
/// role, stoic and very formal wording, autistic-literal and learning-disability wording, second-language English,
/// web-chat fragments) and situations they had little of (stalking, image-based abuse, honour-based abuse, county
/// lines, carbon monoxide, water and ice, farms, festivals, fire, threats made online). It is wholly <c>sealed</c>:
/// round 8 is measured on all of it once, at its end, figures only:
/// <c>BlueLamp.Core.Tests -method "*Fresh_corpus_4*" -showLiveOutput</c>.
/// </summary>
public sealed partial class FreshCorpus4Tests(ITestOutputHelper output)
{
    /// <summary>Facebook and web chat allow messages longer than a post on X; the longest here is 254 characters.</summary>
    private const int LongestText = 1000;

    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.FreshCorpus4);

    [Fact]
    public void The_fourth_fresh_corpus_is_well_formed_and_wholly_sealed()
    {
        Assert.True(Corpus.Count >= 400, $"The fourth fresh corpus has {Corpus.Count} messages.");
        Assert.All(Corpus, m => Assert.Equal("sealed", m.Split));
        Assert.All(Corpus, m => Assert.Matches(IdPattern(), m.Id));
        Assert.All(Corpus, m => Assert.InRange(m.Text.Length, 1, LongestText));
        Assert.All(Corpus, m => Assert.Equal(m.Kind == "comment", m.Parent is not null));
        Assert.Equal(TriageCategoryCodes.All.Select(c => c.ToCode()).Order(), Corpus.Select(m => m.ExpectedCategory).Distinct().Order());
        Assert.InRange(Corpus.Count(IsWelsh), Corpus.Count / 10, Corpus.Count / 4);
        Assert.InRange(Corpus.Count(m => m.ExpectedLifeAtRisk), Corpus.Count / 4, Corpus.Count * 45 / 100);
        SplitCorpusReports.AssertWellFormed(Corpus);
    }

    /// <summary>
    /// Figures only, no misses, never gated: the measure of how the rules do on wording they were never shaped by. Run
    /// once, at the end of round 8; once its misses are read, split it like the third fresh corpus before tuning on it.
    /// </summary>
    [Fact]
    public void Fresh_corpus_4_sealed_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "fourth fresh corpus, wholly sealed (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr4-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr4-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
