using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/social-corpus.jsonl</c>: 476 messages in the public's own social-media
/// wording (English and Welsh, DMs, comments under appeals, third-party reports, indirect suicidal ideation and hard
/// negatives), written before the rules were studied, split 80/20 into <c>tune</c> (gated, tuned on) and
/// <c>sealed</c> (measured once after tuning, never tuned on, never gated). As with the independent corpus, each
/// split has its own test so that running the tune split never shows the sealed split's misses:
/// <c>BlueLamp.Core.Tests -method "*Social_corpus_tune*" -showLiveOutput</c>.
/// </summary>
public sealed class SocialCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.SocialCorpus);

    [Fact]
    public void The_social_corpus_is_well_formed_with_a_fifth_sealed()
    {
        Assert.True(Corpus.Count >= 400, $"The social corpus has {Corpus.Count} messages.");
        Assert.InRange(Corpus.Count(m => m.Split == "sealed"), Corpus.Count / 6, Corpus.Count / 4);
        SplitCorpusReports.AssertWellFormed(Corpus);
    }

    /// <summary>The tune split's report, gated at the same bars as the other corpora: a regression guard, not an estimate.</summary>
    [Fact]
    public void Social_corpus_tune_split_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "social corpus, tune split", IsWelsh);

    /// <summary>Read once, after tuning. Not a gate: its figures are reported as they are.</summary>
    [Fact]
    public void Social_corpus_sealed_split_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "social corpus, sealed split (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("soc-cy-", StringComparison.Ordinal);
}
