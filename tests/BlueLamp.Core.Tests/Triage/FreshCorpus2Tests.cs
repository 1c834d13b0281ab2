using System.Text.RegularExpressions;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The default indicator set on <c>Samples/fresh2-corpus.jsonl</c>: 441 messages (76 Welsh) written by someone who
/// had not read the engine, the indicator set, docs/triage.md or the other corpora, split 50/50 into <c>tune</c> and
/// <c>sealed</c>. No round has tuned on either half yet, so both reports are figures only and neither is gated; the
/// next round may tune on <c>tune</c> (and gate it, like <see cref="FreshCorpusTests"/>) but never on <c>sealed</c>:
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

    /// <summary>
    /// Figures only, not a gate: <see cref="SplitCorpusReports.ReportSealed"/> reports the messages marked sealed, so
    /// the tune half is handed to it marked sealed, and its misses stay unread until a round tunes on it.
    /// </summary>
    [Fact]
    public void Fresh_corpus_2_tune_split_report() =>
        SplitCorpusReports.ReportSealed(
            output,
            Corpus.Where(m => m.Split == "tune").Select(m => m with { Split = "sealed" }).ToList(),
            "second fresh corpus, tune split (not yet tuned on)",
            IsWelsh);

    /// <summary>Figures only, no misses, never gated: the measure of how the rules do on wording they were never shaped by.</summary>
    [Fact]
    public void Fresh_corpus_2_sealed_split_report() =>
        SplitCorpusReports.ReportSealed(output, Corpus, "second fresh corpus, sealed split (never tuned on)", IsWelsh);

    private static bool IsWelsh(CorpusMessage message) => message.Id.StartsWith("fr2-cy-", StringComparison.Ordinal);

    [GeneratedRegex("^fr2-(en|cy)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
