using System.Text.Json;
using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// The statistical life-at-risk signal beside the rules: trained offline on the corpora's tune splits, shipped as a
/// versioned weights file, and only ever raising what the rules decide.
/// </summary>
public sealed class LifeAtRiskModelTests
{
    private static readonly TriageEngine RulesAlone = new(IndicatorSet.Default, lifeAtRiskModel: null);
    private static readonly TriageEngine WithModel = TriageEngine.Default;

    private static readonly IReadOnlyList<CorpusMessage> AllCorpora =
    [
        .. CorpusMessage.Load(CorpusMessage.OriginalCorpus),
        .. CorpusMessage.Load(CorpusMessage.IndependentCorpus),
        .. CorpusMessage.Load(CorpusMessage.SocialCorpus),
        .. CorpusMessage.Load(CorpusMessage.FreshCorpus),
        .. CorpusMessage.Load(CorpusMessage.FreshCorpus2),
    ];

    [Fact]
    public void Training_on_the_same_messages_gives_the_same_weights_file()
    {
        var messages = Labelled(CorpusMessage.Load(CorpusMessage.IndependentCorpus).Where(m => m.Split == "tune"));
        var settings = new LifeAtRiskModelTraining.Settings(Bits: 14, Iterations: 60);
        var provenance = new ModelProvenance("test", ["independent-corpus:tune"], messages.Count, messages.Count(m => m.LifeAtRisk), "");

        var first = LifeAtRiskModelTraining.Train(messages, "t-1", settings).ToJson(provenance);
        var second = LifeAtRiskModelTraining.Train(messages, "t-1", settings).ToJson(provenance);
        var fewer = LifeAtRiskModelTraining.Train(messages.Skip(1).ToList(), "t-1", settings).ToJson(provenance);

        Assert.Equal(first, second);
        Assert.NotEqual(first, fewer);
    }

    [Fact]
    public void A_trained_model_reads_life_at_risk_higher_than_chatter()
    {
        var messages = Labelled(AllCorpora.Where(m => m.Split == "tune"));
        var model = LifeAtRiskModelTraining.Train(messages, "t-2", new LifeAtRiskModelTraining.Settings(Bits: 16, Iterations: 200));

        var life = messages.Where(m => m.LifeAtRisk).Average(m => model.Probability(m.Text));
        var notLife = messages.Where(m => !m.LifeAtRisk).Average(m => model.Probability(m.Text));

        Assert.True(life > notLife + 0.3, $"mean probability {life:0.000} for life at risk, {notLife:0.000} for the rest");
    }

    [Fact]
    public void The_shipped_weights_file_loads_was_trained_on_tune_splits_only_and_round_trips()
    {
        var model = LifeAtRiskModel.Default;
        using var stream = typeof(LifeAtRiskModel).Assembly.GetManifestResourceStream("BlueLamp.Core.Triage.Models.life-at-risk.json")!;
        using var file = JsonDocument.Parse(stream);
        var splits = file.RootElement.GetProperty("trainedOn").GetProperty("splits").EnumerateArray().Select(s => s.GetString()!).ToList();

        Assert.Equal(file.RootElement.GetProperty("version").GetString(), model.Version);
        Assert.NotEmpty(splits);
        Assert.All(splits, s => Assert.EndsWith(":tune", s, StringComparison.Ordinal));
        Assert.InRange(model.SupportThreshold, 0.5, model.AlarmThreshold);
        Assert.Equal($"{TriageEngine.Version}+{model.Version}", WithModel.EngineVersion);
        Assert.True(WithModel.EngineVersion.Length <= 32, "RiskAssessment.EngineVersion is stored in 32 characters.");

        const string text = "cant see a way out of this anymore, sorting my things tonight";
        var reloaded = LifeAtRiskModel.Parse(model.ToJson(new ModelProvenance("test", splits, 0, 0, "")));
        Assert.Equal(model.Probability(text), reloaded.Probability(text), 6);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "version": "x", "bits": 12, "bias": 0, "alarmThreshold": 0.8, "supportThreshold": 0.5, "supportWeight": 0.3, "scale": 1, "weights": "AAAA" }""")]
    [InlineData("""{ "version": "x", "bits": 10, "bias": 0, "alarmThreshold": 0.4, "supportThreshold": 0.5, "supportWeight": 0.3, "scale": 1, "weights": "" }""")]
    [InlineData("""{ "version": "x", "unknown": 1 }""")]
    [InlineData("not json")]
    public void A_broken_weights_file_is_refused_with_a_reason(string json)
    {
        var refused = Assert.Throws<InvalidDataException>(() => LifeAtRiskModel.Parse(json));

        Assert.Contains("life-at-risk model", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over every message of every corpus (the property needs no labels, so sealed messages are assessed but nothing about
    /// how they are graded is printed): the model never lowers a grade, never removes life at risk, keeps every rule
    /// indicator, and whatever it raises its own indicator explains.
    /// </summary>
    [Fact]
    public void The_model_never_lowers_a_grade_or_removes_life_at_risk()
    {
        var raised = 0;
        foreach (var message in AllCorpora)
        {
            var rules = RulesAlone.Assess(message.Text, message.Context);
            var both = WithModel.Assess(message.Text, message.Context);

            Assert.True(both.Grade <= rules.Grade, $"{message.Id}: the model lowered grade {rules.Grade} to {both.Grade}");
            Assert.True(both.LifeAtRisk || !rules.LifeAtRisk, $"{message.Id}: the model removed life at risk");
            // The rules' concern floor (grade 2) gives way when the model raises the alarm; every rule indicator stays.
            Assert.Equal(RuleIndicators(rules), RuleIndicators(both));
            if (!both.LifeAtRisk && both.Grade == rules.Grade)
                Assert.Equal(rules, both with { EngineVersion = rules.EngineVersion, LifeAtRiskModelVersion = rules.LifeAtRiskModelVersion, Indicators = rules.Indicators });
            if (both.LifeAtRisk != rules.LifeAtRisk || both.Grade != rules.Grade)
            {
                raised++;
                var explained = Assert.Single(both.Indicators, i => i.Name is LifeAtRiskModel.IndicatorName or LifeAtRiskModel.ConcernIndicatorName);
                Assert.Equal(message.Text.Substring(explained.Start, explained.Length), explained.Text);
                Assert.Equal(both.LifeAtRisk, explained.Name == LifeAtRiskModel.IndicatorName);
                Assert.InRange(explained.Weight, both.LifeAtRisk ? WithModel.LifeAtRiskModel!.SupportThreshold : WithModel.LifeAtRiskModel!.ConcernThreshold, 1.0);
            }
        }
        Assert.InRange(raised, 0, AllCorpora.Count / 10);
    }

    private static IEnumerable<IndicatorHit> RuleIndicators(RiskAssessmentResult result) =>
        result.Indicators.Where(i => i.Name is not (LifeAtRiskModel.IndicatorName or LifeAtRiskModel.ConcernIndicatorName or TriageEngine.ConcernIndicatorName));

    [Theory]
    [InlineData("@HarbourvalePolice {0}")]
    [InlineData("{0} @jess_m92")]
    [InlineData("{0} @harbourvalepolice.bsky.social")]
    [InlineData("{0} #Saltmarsh #help")]
    [InlineData("{0} q7Rk2xWm")]
    [InlineData("{0} 🙏🙏🙏")]
    [InlineData("{0} pls share")]
    [InlineData("{0} please share")]
    [InlineData("{0} share please")]
    [InlineData("{0} plis rhannwch")]
    public void A_handle_a_tag_a_code_a_repeated_emoji_or_a_request_to_share_leaves_the_models_reading_unchanged(string noisy)
    {
        const string text = "sat in the car by the reservoir with everything i need. tell my mum im sorry 🙏";
        var plain = LifeAtRiskModel.Default.Probability(text);

        Assert.Equal(plain, LifeAtRiskModel.Default.Probability(string.Format(System.Globalization.CultureInfo.InvariantCulture, noisy, text)), 12);
        Assert.NotEqual(plain, LifeAtRiskModel.Default.Probability(text + " reservoir"), 6);
    }

    [Fact]
    public void Leaving_one_corpus_out_assesses_each_corpus_by_a_model_that_never_saw_it()
    {
        var settings = new LifeAtRiskModelTraining.Settings(Bits: 14, Iterations: 60);
        var messages = Labelled(AllCorpora.Where(m => m.Split == "tune" && m.Id.StartsWith("ind-", StringComparison.Ordinal)))
            .Concat(Labelled(CorpusMessage.Load(CorpusMessage.SocialCorpus).Take(150)).Select(m => m with { Source = "social" }))
            .ToList();

        var byCorpus = LifeAtRiskModelTraining.CrossValidateByCorpus(messages, settings);

        // The independent corpus's out-of-corpus probabilities are those of a model trained on the social messages alone.
        var socialOnly = LifeAtRiskModelTraining.Train(messages.Where(m => m.Source == "social").ToList(), "s", settings);
        var first = messages.FindIndex(m => m.Source != "social");
        Assert.Equal(socialOnly.Probability(messages[first].Text), byCorpus.Probabilities[first], 6);
        Assert.Equal(messages.Count, byCorpus.Probabilities.Count);
    }

    [Fact]
    public void The_model_reads_the_word_classes_of_the_indicator_set_not_only_the_words()
    {
        // Two messages that share no word but the same classes (a violent act, a weapon, now): a model that learnt one
        // reads the other higher than a message with neither.
        var settings = new LifeAtRiskModelTraining.Settings(Bits: 16, Iterations: 200);
        List<LabelledMessage> messages =
        [
            .. Enumerable.Range(0, 20).Select(i => new LabelledMessage($"someone battering a man with a hammer right now {i}", TriageContext.DirectMessage, true, "t")),
            .. Enumerable.Range(0, 20).Select(i => new LabelledMessage($"my parcel went missing from the porch {i}", TriageContext.DirectMessage, false, "t")),
        ];
        var model = LifeAtRiskModelTraining.Train(messages, "classes", settings);

        Assert.True(model.Probability("lads waldio hogyn efo cyllell rwan") > model.Probability("lads waiting for a bus in town") + 0.1);
    }

    [Theory]
    [InlineData("my feet are killing me after that 10k, could murder a pint now", "dm", null)]
    [InlineData("kms lol what a miss 😂", "comment", "event")]
    [InlineData("sorry everyone, the charity quiz is off tonight", "dm", null)]
    [InlineData("I'm dead 💀 that video had me crying", "mention", null)]
    [InlineData("in the film he takes all the pills and jumps off the bridge, what a ending", "dm", null)]
    [InlineData("phone on 3% and this queue has me about to lose the will to live", "mention", null)]
    public void A_hard_negative_stays_grade_4(string text, string kind, string? parent)
    {
        var message = new CorpusMessage("test", text, kind, parent, 4, false, "not_police_matter", "tune");

        var result = WithModel.Assess(text, message.Context);

        Assert.False(result.LifeAtRisk);
        Assert.Equal(Grade.ResolvedWithoutDeployment, result.Grade);
        Assert.DoesNotContain(result.Indicators, i => i.Name == LifeAtRiskModel.IndicatorName);
    }

    [Fact]
    public void A_message_the_rules_miss_but_the_model_reads_is_raised_and_explained_by_its_words()
    {
        // "I can't do this any more, I've got the tablets": no rule reads it as a threat to life.
        const string text = "alla i ddim neud hyn mwy, mae'r tabledi gen i";
        var rules = RulesAlone.Assess(text, TriageContext.DirectMessage);

        var both = WithModel.Assess(text, TriageContext.DirectMessage);

        Assert.False(rules.LifeAtRisk);
        Assert.True(both.LifeAtRisk);
        Assert.Equal(Grade.Emergency, both.Grade);
        Assert.Equal(TriageCategory.SuicideOrSelfHarm, both.Category);
        var explained = Assert.Single(both.Indicators, i => i.Name == LifeAtRiskModel.IndicatorName);
        Assert.InRange(explained.Length, 1, text.Length);
        Assert.Equal(text.Substring(explained.Start, explained.Length), explained.Text);
    }

    private static List<LabelledMessage> Labelled(IEnumerable<CorpusMessage> messages) =>
        messages.Select(m => new LabelledMessage(m.Text, m.Context, m.ExpectedLifeAtRisk, m.Split)).ToList();
}
