using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/social-corpus.jsonl</c>: 476 messages in the public's own social-media
/// wording (English and Welsh, DMs, comments under appeals, third-party reports, indirect suicidal ideation and hard
/// negatives), written before the rules were studied. Its sealed fifth was measured once at the end of round 3 and
/// retired into <c>tune</c> in round 4, so the whole corpus is now a gated tune set:
/// <c>BlueLamp.Core.Tests -method "*Social_corpus_tune*" -showLiveOutput</c>.
/// </summary>
public sealed class SocialCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CorpusMessage> Corpus = CorpusMessage.Load(CorpusMessage.SocialCorpus);

    [Fact]
    public void The_social_corpus_is_well_formed_and_all_tune_since_its_sealed_split_was_retired()
    {
        Assert.True(Corpus.Count >= 400, $"The social corpus has {Corpus.Count} messages.");
        Assert.All(Corpus, m => Assert.Equal("tune", m.Split));
        SplitCorpusReports.AssertWellFormed(Corpus);
    }

    /// <summary>The tune split's report (the whole corpus), gated at the same bars as the other corpora: a regression guard, not an estimate.</summary>
    [Fact]
    public void Social_corpus_tune_split_report() =>
        SplitCorpusReports.GateTune(output, Corpus, "social corpus, tune split", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("soc-cy-", StringComparison.Ordinal);
}
