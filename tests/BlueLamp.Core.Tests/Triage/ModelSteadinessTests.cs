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
    /// <summary>Realistic noise, each put where platforms put it: a handle in front, the rest after the words.</summary>
    public static readonly IReadOnlyList<(string Name, Func<string, string> Add)> Noises =
    [
        ("leading @handle", t => "@HarbourvalePolice " + t),
        ("trailing @handle", t => t + " @jess_m92"),
        ("trailing #hashtag", t => t + " #Saltmarsh"),
        ("trailing name", t => t + " Sarah"),
        ("trailing emoji run", t => t + " 🙏🙏🙏"),
        ("trailing pls share", t => t + " pls share"),
        ("trailing random token", t => t + " q7Rk2xWm"),
        ("trailing random token 2", t => t + " Zp4vN8tL"),
        ("leading and trailing", t => "@ceri.j " + t + " #help 🙏"),
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

    /// <summary>
    /// Every tune life-at-risk message of a gated corpus that the engine raises stays raised with any of the noises
    /// added: a handle, a hashtag, a name or an emoji run is not what put a life at risk, so it must not take the alarm
    /// away. (The model alone read a message the round 9 model raised from 0.633 to 0.752 with random markers around it.)
    /// </summary>
    [Fact]
    public void Noise_around_the_words_never_takes_an_alarm_away()
    {
        var engine = TriageEngine.Default;
        var lost = new List<string>();
        foreach (var message in GatedTune.Where(m => m.ExpectedLifeAtRisk))
        {
            if (!engine.Assess(message.Text, message.Context).LifeAtRisk)
                continue;
            foreach (var (name, add) in Noises)
            {
                if (!engine.Assess(add(message.Text), message.Context).LifeAtRisk)
                    lost.Add($"{message.Id} with {name}: \"{message.Text}\"");
            }
        }
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
        output.WriteLine("noise                    mean|dp|  max|dp|  crossings(model)  flips(engine: lost/raised)");
        var random = new Random(20261126);
        var variants = Noises.ToList();
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
