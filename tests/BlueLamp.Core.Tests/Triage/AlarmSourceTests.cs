using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>
/// What raised a life-at-risk alarm, the model switched off, and one assessment per message: an assessment made before the
/// post a message is under was known is kept unless the post changes the reading.
/// </summary>
public sealed class AlarmSourceTests
{
    // Raised by the model alone (the rules read only a means): the Welsh "I can't do this any more, I've got the tablets".
    private const string ModelOnly = "alla i ddim neud hyn mwy, mae'r tabledi gen i";

    private static readonly TriageEngine RulesAlone = new(IndicatorSet.Default, lifeAtRiskModel: null);

    [Fact]
    public void A_message_the_model_raises_says_so_and_names_the_model_version()
    {
        var result = TriageEngine.Default.Assess(ModelOnly, TriageContext.DirectMessage);

        Assert.True(result.LifeAtRisk);
        Assert.Equal(AlarmSource.Model, result.RaisedBy);
        Assert.Equal(LifeAtRiskModel.Default.Version, result.LifeAtRiskModelVersion);
        Assert.Contains(result.Indicators, i => i.Name == LifeAtRiskModel.IndicatorName);
    }

    [Fact]
    public void With_the_model_switched_off_the_rules_alone_assess_and_the_result_records_no_model()
    {
        var result = RulesAlone.Assess(ModelOnly, TriageContext.DirectMessage);

        Assert.False(result.LifeAtRisk);
        Assert.Null(result.RaisedBy);
        Assert.Null(result.LifeAtRiskModelVersion);
        Assert.Equal(TriageEngine.Version, result.EngineVersion);
        Assert.DoesNotContain(result.Indicators, i => i.Name == LifeAtRiskModel.IndicatorName);
    }

    [Fact]
    public void A_message_the_rules_raise_is_raised_by_the_rules_with_or_without_the_model()
    {
        const string text = "I'm going to kill myself tonight, I've got the pills ready";

        Assert.Equal(AlarmSource.Rules, TriageEngine.Default.Assess(text, TriageContext.DirectMessage).RaisedBy);
        Assert.Equal(AlarmSource.Rules, RulesAlone.Assess(text, TriageContext.DirectMessage).RaisedBy);
    }

    [Fact]
    public void An_assessment_made_without_the_post_is_kept_when_the_post_cannot_change_it()
    {
        var engine = TriageEngine.Default;
        var before = engine.Assess("Someone keeps parking across my drive", TriageContext.DirectMessage);

        Assert.Same(before, engine.AssessInContext("Someone keeps parking across my drive", TriageContext.DirectMessage, before));
        // An appeal changes only whether a sighting counts; there is none here.
        Assert.Same(before, engine.AssessInContext("Someone keeps parking across my drive", TriageContext.CommentUnder("missing_person"), before));
    }

    [Fact]
    public void A_sighting_under_an_appeal_is_assessed_again_in_its_context_and_only_raises()
    {
        const string text = "I saw him walking by the canal about ten minutes ago";
        var engine = TriageEngine.Default;
        var before = engine.Assess(text, TriageContext.CommentUnder(null));
        Assert.Contains(before.Indicators, i => i.Discount == Discount.NoAppeal);

        var inContext = engine.AssessInContext(text, TriageContext.CommentUnder("missing_person"), before);

        Assert.NotSame(before, inContext);
        Assert.Equal(TriageCategory.Sighting, inContext.Category);
        Assert.True(inContext.Grade <= before.Grade);
    }

    [Fact]
    public void An_assessment_by_another_engine_is_not_kept()
    {
        var byRules = RulesAlone.Assess(ModelOnly, TriageContext.DirectMessage);

        var withModel = TriageEngine.Default.AssessInContext(ModelOnly, TriageContext.DirectMessage, byRules);

        Assert.NotSame(byRules, withModel);
        Assert.True(withModel.LifeAtRisk);
        Assert.Equal(TriageEngine.Default.EngineVersion, withModel.EngineVersion);
    }

    [Fact]
    public void Life_at_risk_that_only_an_appeal_makes_is_raised_by_the_context()
    {
        // A force's set in which a sighting of the missing person is itself a threat to life (say, a high-risk missing person).
        var json = IndicatorSetParser.DefaultJson().Replace("\"name\": \"sighting.seen\", \"category\": \"sighting\", \"weight\": 0.7,",
            "\"name\": \"sighting.seen\", \"category\": \"sighting\", \"weight\": 0.7, \"life\": true,", StringComparison.Ordinal);
        Assert.True(IndicatorSetParser.TryParse(json, out var set, out var problem), problem);
        var engine = new TriageEngine(set, lifeAtRiskModel: null);
        const string text = "I saw him walking by the canal about ten minutes ago";

        var alone = engine.AssessInContext(text, TriageContext.CommentUnder(null), withoutParent: null);
        var underAppeal = engine.AssessInContext(text, TriageContext.CommentUnder("missing_person"), withoutParent: null);

        Assert.False(alone.LifeAtRisk);
        Assert.True(underAppeal.LifeAtRisk);
        Assert.Equal(AlarmSource.Context, underAppeal.RaisedBy);
    }

    [Fact]
    public void An_alarm_is_overturned_once_with_the_reason_and_a_conversation_clears_life_at_risk_only_when_an_operator_says_so()
    {
        var now = DateTimeOffset.UtcNow;
        var alarm = new RaisedAlarm(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), AlarmSource.Model, "lar-x", now);
        var rulesAlarm = new RaisedAlarm(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, AlarmSource.Rules, "lar-x", now);

        alarm.Overturn("user-1", "Op One", "  Song lyrics, checked with the person  ", now.AddMinutes(3));

        Assert.True(alarm.Overturned);
        Assert.Equal("Song lyrics, checked with the person", alarm.OverturnReason);
        Assert.Throws<InvalidOperationException>(() => alarm.Overturn("user-2", "Op Two", "again", now));
        Assert.Throws<ArgumentException>(() => rulesAlarm.Overturn("user-1", "Op One", " ", now));
        Assert.Null(rulesAlarm.ModelVersion); // only a model's alarm names a model

        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ConversationKind.DirectMessage, "t", now);
        Assert.False(conversation.ClearLifeAtRisk());
        conversation.MarkLifeAtRisk();
        Assert.True(conversation.ClearLifeAtRisk());
        Assert.False(conversation.LifeAtRisk);
    }
}
