using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// How far the life-at-risk model's reading moves when a message carries the noise social media adds around the words
/// that matter: an @handle, a #hashtag, a name, an emoji run, "pls share", a random token. Tune messages only (the
/// sealed halves and the original holdout are never read here).
/// </summary>
public sealed class ModelSteadinessTests(ITestOutputHelper output)
{
    /// <summary>
    /// Realistic noise, each put where platforms put it: a handle in front, the rest after the words. <c>Words</c> marks
    /// noise the model still reads as words (a name, an emoji); the rest (handles, tags, codes, and since lar-2026.11-8 "pls
    /// share") it leaves out.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, bool Words, Func<string, string> Add)> Noises =
    [
        ("leading @handle", false, t => "@HarbourvalePolice " + t),
        ("trailing @handle", false, t => t + " @jess_m92"),
        ("trailing #hashtag", false, t => t + " #Saltmarsh"),
        ("trailing random token", false, t => t + " q7Rk2xWm"),
        ("trailing random token 2", false, t => t + " Zp4vN8tL"),
        ("trailing name", true, t => t + " Sarah"),
        ("trailing emoji run", true, t => t + " 🙏🙏🙏"),
        ("trailing pls share", false, t => t + " pls share"),
        ("leading and trailing", true, t => "@ceri.j " + t + " #help 🙏"),
    ];

    /// <summary>The tune parts of the corpora whose life-at-risk bars are gated (never a sealed half or the original holdout).</summary>
    private static readonly IReadOnlyList<CorpusMessage> GatedTune =
    [
        .. CorpusMessage.Load(CorpusMessage.OriginalCorpus).Where(m => m.Split == "tune"),
        .. CorpusMessage.Load(CorpusMessage.IndependentCorpus).Where(m => m.Split == "tune"),
        .. CorpusMessage.Load(CorpusMessage.SocialCorpus).Where(m => m.Split == "tune"),
        .. CorpusMessage.Load(CorpusMessage.FreshCorpus).Where(m => m.Split == "tune"),
        .. CorpusMessage.Load(CorpusMessage.FreshCorpus2).Where(m => m.Split == "tune"),
        .. CorpusMessage.Load(CorpusMessage.FreshCorpus4).Where(m => m.Split == "tune"),
        .. CorpusMessage.Load(CorpusMessage.FreshCorpus5).Where(m => m.Split == "tune"),
    ];

    private static readonly IReadOnlyList<CorpusMessage> AllTune =
    [
        .. GatedTune,
        .. CorpusMessage.Load(CorpusMessage.FreshCorpus3).Where(m => m.Split == "tune"),
    ];

    /// <summary>How far above its alarm threshold the model must read a message for noise made of words never to take the alarm away.</summary>
    public const double Margin = 0.15;

    /// <summary>
    /// Every tune life-at-risk message of a gated corpus that the engine raises stays raised when an @handle, a #hashtag or
    /// a code is added (the round 9 model, <c>lar-2026.11-5</c>, lost 3 alarms to a trailing handle, 3 to a hashtag and 1
    /// to a random code), or, since <c>lar-2026.11-8</c> leaves it out, "pls share" (which moved earlier models by up to
    /// 0.36–0.45); and with a name or an emoji run, which the model still reads as words (up to 0.15), every alarm the
    /// rules raise and every one the model raises at least <see cref="Margin"/> above its threshold stays raised. The
    /// report below counts the model's alarms nearer the threshold.
    /// </summary>
    [Fact]
    public void Noise_around_the_words_never_takes_an_alarm_away()
    {
        var engine = TriageEngine.Default;
        var model = LifeAtRiskModel.Default;
        var lost = new List<string>();
        var checkedAlarms = 0;
        foreach (var message in GatedTune.Where(m => m.ExpectedLifeAtRisk))
        {
            var result = engine.Assess(message.Text, message.Context);
            if (!result.LifeAtRisk)
                continue;
            checkedAlarms++;
            var nearThreshold = result.RaisedBy == AlarmSource.Model && model.Probability(message.Text) < model.AlarmThreshold + Margin;
            foreach (var (name, words, add) in Noises.Where(n => !n.Words || !nearThreshold))
            {
                if (!engine.Assess(add(message.Text), message.Context).LifeAtRisk)
                    lost.Add($"{message.Id} ({result.RaisedBy}) with {name}: \"{message.Text}\"");
            }
        }
        output.WriteLine($"{checkedAlarms} alarms checked against {Noises.Count} noises; {lost.Count} lost");
        Assert.True(checkedAlarms > 500, $"Only {checkedAlarms} alarms were checked.");
        Assert.True(lost.Count == 0, $"Noise took {lost.Count} alarms away:\n{string.Join("\n", lost)}");
    }

    /// <summary>
    /// Prints, per noise, how far the model alone moves over every tune message (mean and largest change, and how many
    /// messages cross the alarm threshold either way), and how many of the engine's life-at-risk readings flip.
    /// Asserts that the model's reading is a probability for every noisy message (and so that the report covers them all).
    /// </summary>
    [Fact]
    public void Steadiness_report_on_the_tune_messages()
    {
        var model = LifeAtRiskModel.Default;
        var engine = TriageEngine.Default;
        var baseProbability = AllTune.Select(m => model.Probability(m.Text)).ToArray();
        var baseAlarm = AllTune.Select(m => engine.Assess(m.Text, m.Context).LifeAtRisk).ToArray();
        output.WriteLine($"model {model.Version}, alarm {model.AlarmThreshold:0.00}; {AllTune.Count} tune messages");
        var nearThreshold = AllTune.Where((m, i) => baseAlarm[i] && baseProbability[i] >= model.AlarmThreshold && baseProbability[i] < model.AlarmThreshold + Margin
            && engine.Assess(m.Text, m.Context).RaisedBy == AlarmSource.Model).Select(m => m.Id).ToList();
        output.WriteLine($"alarms the model alone raises within {Margin:0.00} of its threshold: {nearThreshold.Count} ({string.Join(", ", nearThreshold)})");
        output.WriteLine("noise                    mean|dp|  max|dp|  crossings(model)  flips(engine: lost/raised)");
        var random = new Random(20261126);
        var variants = Noises.Select(n => (n.Name, n.Add)).ToList();
        variants.Add(("trailing 3 random tokens", t => t + " " + RandomToken(random) + " " + RandomToken(random) + " " + RandomToken(random)));
        foreach (var (name, add) in variants)
        {
            double sum = 0, max = 0;
            int crossings = 0, lost = 0, raised = 0;
            for (var i = 0; i < AllTune.Count; i++)
            {
                var noisy = add(AllTune[i].Text);
                var p = model.Probability(noisy);
                Assert.InRange(p, 0.0, 1.0);
                var d = Math.Abs(p - baseProbability[i]);
                sum += d;
                max = Math.Max(max, d);
                if (p >= model.AlarmThreshold != baseProbability[i] >= model.AlarmThreshold)
                    crossings++;
                var alarm = engine.Assess(noisy, AllTune[i].Context).LifeAtRisk;
                if (baseAlarm[i] && !alarm)
                    lost++;
                else if (!baseAlarm[i] && alarm)
                    raised++;
            }
            output.WriteLine($"{name,-24} {sum / AllTune.Count,8:0.0000} {max,8:0.000} {crossings,10} {lost,14} / {raised}");
        }
    }

    private static string RandomToken(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(8, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = letters[r.Next(letters.Length)];
        });
    }
}
