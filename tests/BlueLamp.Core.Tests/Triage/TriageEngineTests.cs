using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

public sealed class TriageEngineTests
{
    private static readonly TriageEngine Engine = TriageEngine.Default;
    private static readonly TriageContext Dm = TriageContext.DirectMessage;

    /// <summary>The rules without the life-at-risk model, for tests that the rules themselves read a family.</summary>
    private static readonly TriageEngine RulesOnly = new(IndicatorSet.Default, lifeAtRiskModel: null);

    /// <summary>Asserts life at risk in <paramref name="category"/>, naming the indicators that fired when it is not.</summary>
    private static void AssertLifeAtRisk(RiskAssessmentResult result, TriageCategory category)
    {
        Assert.True(result.LifeAtRisk, Fired(result));
        Assert.Equal(category, result.Category);
    }

    /// <summary>Asserts no life at risk, naming the indicators that fired when there is.</summary>
    private static void AssertNotLifeAtRisk(RiskAssessmentResult result) => Assert.False(result.LifeAtRisk, Fired(result));

    private static string Fired(RiskAssessmentResult result) => string.Join(", ", result.Indicators.Select(i => $"{i.Name}:{i.Text}:{i.Discount}"));

    [Fact]
    public void A_dm_saying_im_going_to_kill_myself_tonight_is_grade_1_life_at_risk()
    {
        var result = Engine.Assess("I'm going to kill myself tonight", Dm);

        Assert.True(result.LifeAtRisk);
        Assert.Equal(Grade.Emergency, result.Grade);
        Assert.Equal(TriageCategory.SuicideOrSelfHarm, result.Category);
        Assert.Equal(PersonAtRisk.Self, result.PersonAtRisk);
        Assert.Contains(result.Indicators, i => i.Text == "kill myself" && i.Discount == Discount.None);
        Assert.Contains(result.Indicators, i => i.Role == IndicatorRole.Immediacy && i.Text == "tonight");
    }

    [Fact]
    public void Kms_lol_under_a_football_post_is_not_life_at_risk()
    {
        var result = Engine.Assess("kms lol", TriageContext.CommentUnder("event"));

        Assert.False(result.LifeAtRisk);
        Assert.Equal(Grade.ResolvedWithoutDeployment, result.Grade);
        Assert.Contains(result.Indicators, i => i.Text == "kms" && i.Discount == Discount.Joke);
    }

    [Fact]
    public void A_joke_about_a_trivial_cause_discounts_even_a_plain_threat_to_life_phrase()
    {
        var result = Engine.Assess("if we lose again i'm going to kill myself 😂😂", TriageContext.CommentUnder("event"));

        Assert.False(result.LifeAtRisk);
    }

    [Fact]
    public void A_lol_after_a_plain_threat_to_life_does_not_hide_it()
    {
        Assert.True(Engine.Assess("im going to kill myself tonight lol", Dm).LifeAtRisk);
    }

    [Fact]
    public void Saying_not_joking_cancels_the_joke_marker()
    {
        Assert.True(Engine.Assess("i want to die lol. not even joking", Dm).LifeAtRisk);
    }

    [Theory]
    [InlineData("my feet are killing me")]
    [InlineData("I could murder a pint")]
    [InlineData("I'm dead 💀")]
    [InlineData("dying for a brew")]
    [InlineData("my mum is going to kill me when she sees my shoes")]
    public void Idioms_are_not_a_threat_to_life(string text)
    {
        var result = Engine.Assess(text, TriageContext.CommentUnder("event"));

        Assert.False(result.LifeAtRisk);
        Assert.Equal(Grade.ResolvedWithoutDeployment, result.Grade);
        Assert.Contains(result.Indicators, i => i.Role == IndicatorRole.Idiom);
    }

    [Theory]
    [InlineData("want to unalive myself")]
    [InlineData("I can't go on, I've got the pills here")]
    [InlineData("I won't wake up tomorrow")]
    [InlineData("gonna kil myslef")]
    [InlineData("i want to dieeee tonight")]
    [InlineData("I can’t go on anymore ❤️")]
    [InlineData("Dw i eisiau lladd fy hun heno")]
    [InlineData("dwi isio marw")]
    public void Euphemism_slang_misspelling_and_welsh_still_read_as_life_at_risk(string text)
    {
        var result = Engine.Assess(text, Dm);

        Assert.True(result.LifeAtRisk, $"'{text}' scored {result.LifeScore}");
        Assert.Equal(Grade.Emergency, result.Grade);
    }

    [Fact]
    public void A_negated_phrase_is_discounted_and_the_hit_says_so()
    {
        var result = Engine.Assess("I would never hurt myself", Dm);

        Assert.False(result.LifeAtRisk);
        Assert.Contains(result.Indicators, i => i.Text == "hurt myself" && i.Discount == Discount.Negated);
    }

    [Fact]
    public void A_negation_in_an_earlier_clause_does_not_negate()
    {
        Assert.True(Engine.Assess("I'm not ok, I want to die", Dm).LifeAtRisk);
    }

    [Fact]
    public void Past_self_harm_sets_the_category_but_not_life_at_risk()
    {
        var result = Engine.Assess("I tried to kill myself years ago and I'm doing much better now", Dm);

        Assert.False(result.LifeAtRisk);
        Assert.Equal(TriageCategory.SuicideOrSelfHarm, result.Category);
        Assert.Contains(result.Indicators, i => i.Discount == Discount.Past);
    }

    [Fact]
    public void Fiction_is_not_a_threat_to_life()
    {
        Assert.False(Engine.Assess("In the film the character kills himself at the end", TriageContext.CommentUnder("prevention")).LifeAtRisk);
    }

    [Fact]
    public void A_sighting_under_a_missing_person_appeal_is_grade_2_though_its_words_alone_are_not()
    {
        const string text = "think I saw her by the bus station 10 mins ago";

        var underAppeal = Engine.Assess(text, TriageContext.CommentUnder("missing_person"));
        var alone = Engine.Assess(text, TriageContext.CommentUnder("event"));

        Assert.Equal(TriageCategory.Sighting, underAppeal.Category);
        Assert.Equal(Grade.Priority, underAppeal.Grade);
        Assert.NotEqual(TriageCategory.Sighting, alone.Category);
        Assert.Equal(Grade.ResolvedWithoutDeployment, alone.Grade);
        Assert.Contains(alone.Indicators, i => i.Discount == Discount.NoAppeal);
    }

    [Fact]
    public void A_dm_that_points_at_our_appeal_counts_as_a_sighting()
    {
        var result = Engine.Assess("I think I've just seen the missing girl from your appeal outside Boots", Dm);

        Assert.Equal(TriageCategory.Sighting, result.Category);
        Assert.Equal(Grade.Priority, result.Grade);
    }

    [Theory]
    [InlineData("I'm going to kill myself tonight")]
    [InlineData("There's a man with a knife outside the Spar right now")]
    [InlineData("my husband said he will kill me tonight")]
    [InlineData("kms")]
    public void Context_never_downgrades_life_at_risk(string text)
    {
        Assert.True(Engine.Assess(text, Dm).LifeAtRisk);
        foreach (var parent in new[] { null, "missing_person", "wanted", "crime_appeal", "event", "prevention", "recruitment" })
        {
            Assert.True(Engine.Assess(text, TriageContext.CommentUnder(parent)).LifeAtRisk, $"downgraded under {parent}");
            Assert.True(Engine.Assess(text, new TriageContext(ConversationKind.Mention, parent)).LifeAtRisk);
        }
    }

    [Fact]
    public void A_crime_in_progress_is_an_emergency_without_being_life_at_risk()
    {
        var result = Engine.Assess("someone is trying to break into my house right now", Dm);

        Assert.False(result.LifeAtRisk);
        Assert.Equal(Grade.Emergency, result.Grade);
        Assert.Equal(TriageCategory.CrimeReport, result.Category);
    }

    [Fact]
    public void A_smashed_car_window_is_a_grade_3_crime_report()
    {
        var result = Engine.Assess("Someone has smashed my car window on Station Road overnight", Dm);

        Assert.False(result.LifeAtRisk);
        Assert.Equal(Grade.Scheduled, result.Grade);
        Assert.Equal(TriageCategory.CrimeReport, result.Category);
    }

    [Fact]
    public void Shouting_and_banging_on_a_door_is_a_grade_2_disturbance_not_a_life_at_risk_alarm()
    {
        var result = Engine.Assess("There's a man shouting outside number 12 and banging on the door", Dm);

        Assert.False(result.LifeAtRisk);
        Assert.Equal(Grade.Priority, result.Grade);
        Assert.Equal(TriageCategory.AntisocialBehaviour, result.Category);
    }

    [Fact]
    public void Banging_on_the_door_with_a_threat_to_kill_is_still_life_at_risk()
    {
        var result = Engine.Assess("my ex is banging on the door, he threatened to kill me earlier", Dm);

        Assert.True(result.LifeAtRisk);
        Assert.Equal(TriageCategory.DomesticAbuse, result.Category);
    }

    [Fact]
    public void A_missing_person_out_in_the_cold_is_life_at_risk()
    {
        var result = Engine.Assess("My grandad walked out of the house an hour ago in his slippers and it's freezing", Dm);

        Assert.True(result.LifeAtRisk);
        Assert.Equal(TriageCategory.MissingPerson, result.Category);
    }

    [Theory]
    [InlineData("it's freezing tonight, stay safe on the roads")]
    [InlineData("my dad is diabetic, where do I get a blue badge?")]
    [InlineData("sorry everyone, the charity quiz is off tonight")]
    public void A_phrase_that_requires_a_companion_does_not_count_alone(string text)
    {
        var result = Engine.Assess(text, Dm);

        Assert.False(result.LifeAtRisk);
        Assert.Contains(result.Indicators, i => i.Discount == Discount.WithoutCompanion);
        Assert.NotEqual(TriageCategory.MissingPerson, result.Category);
        Assert.NotEqual(TriageCategory.SuicideOrSelfHarm, result.Category);
    }

    [Theory]
    [InlineData("kill me now, it's only Tuesday")]
    [InlineData("If my husband doesn't put the bins out tonight I'll murder him 🙄")]
    [InlineData("Absolute joke, 2 hours sat here not moving")]
    public void Everyday_exaggeration_raises_no_alarm(string text)
    {
        var result = Engine.Assess(text, TriageContext.Mention);

        Assert.False(result.LifeAtRisk);
        Assert.Equal(Grade.ResolvedWithoutDeployment, result.Grade);
    }

    [Fact]
    public void A_partner_hitting_someone_is_domestic_abuse_in_welsh_too()
    {
        var result = Engine.Assess("Mae fy mhartner wedi fy nharo i eto neithiwr", Dm);

        Assert.Equal(TriageCategory.DomesticAbuse, result.Category);
        Assert.Equal("cy", result.Language);
    }

    [Theory]
    [InlineData("i just want it all to stop. got a bottle of vodka and my mums tablets", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("my flatmate has taken something and now she's fitting on the floor", TriageCategory.ViolenceInProgress)]
    [InlineData("someones been hit by a car on Cowbridge Road, lots of blood, not responding", TriageCategory.Road)]
    [InlineData("a kid has fallen through the ice on the lake at Roath Park", TriageCategory.ChildAtRisk)]
    public void Wording_from_outside_both_corpora_reads_as_life_at_risk(string text, TriageCategory category)
    {
        var result = Engine.Assess(text, Dm);

        Assert.True(result.LifeAtRisk, $"'{text}' scored {result.LifeScore}");
        Assert.Equal(category, result.Category);
    }

    [Fact]
    public void A_report_about_someone_else_names_someone_else_as_at_risk()
    {
        var result = Engine.Assess("my friend just messaged saying she's going to kill herself tonight", Dm);

        Assert.True(result.LifeAtRisk);
        Assert.Equal(PersonAtRisk.SomeoneElse, result.PersonAtRisk);
    }

    [Fact]
    public void A_report_about_a_child_names_the_child_as_at_risk()
    {
        var result = Engine.Assess("my son says he wants to die and has locked himself in his room with a knife", Dm);

        Assert.True(result.LifeAtRisk);
        Assert.Equal(PersonAtRisk.Child, result.PersonAtRisk);
    }

    [Theory]
    [InlineData("Dw i eisiau gwneud cwyn am y ffordd cefais fy nhrin", "cy")]
    [InlineData("Mae fy mam ar goll ers bore ma", "cy")]
    [InlineData("my bike was stolen from outside the library", "en")]
    [InlineData("Diolch yn fawr", "cy")]
    public void The_language_is_detected_so_the_reply_can_be_in_it(string text, string language)
    {
        Assert.Equal(language, Engine.Assess(text, Dm).Language);
    }

    [Fact]
    public void Every_indicator_points_at_the_text_it_matched()
    {
        const string text = "Pls help, I’ve swallowed a whole box of my nan's tablets 💊 and I can't go on!!";

        var result = Engine.Assess(text, Dm);

        Assert.NotEmpty(result.Indicators);
        Assert.All(result.Indicators, i => Assert.Equal(text.Substring(i.Start, i.Length), i.Text));
    }

    [Fact]
    public void Each_assessment_records_the_engine_and_indicator_set_versions()
    {
        var result = Engine.Assess("ok", Dm);

        Assert.Equal($"{TriageEngine.Version}+{LifeAtRiskModel.Default.Version}", result.EngineVersion);
        Assert.Equal(IndicatorSet.Default.Version, result.IndicatorSetVersion);
        Assert.Equal(TriageCategory.NotAPoliceMatter, result.Category);
        Assert.Equal(0.0, result.Score);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("Helo?")]
    [InlineData("hiya, anyone there")]
    public void A_greeting_alone_opens_an_enquiry(string text)
    {
        var result = Engine.Assess(text, Dm);

        Assert.Equal(TriageCategory.Enquiry, result.Category);
        Assert.Equal(Grade.ResolvedWithoutDeployment, result.Grade);
        Assert.False(result.LifeAtRisk);
    }

    [Fact]
    public void Empty_and_punctuation_only_messages_are_not_a_police_matter()
    {
        foreach (var text in new[] { "", "   ", "?!...", "👍🏽" })
            Assert.Equal(Grade.ResolvedWithoutDeployment, Engine.Assess(text, Dm).Grade);
    }

    [Fact]
    public void Many_threads_assessing_at_once_get_the_same_answers_as_one()
    {
        var texts = CorpusMessage.Load().Take(200).ToArray();
        var alone = texts.Select(m => Engine.Assess(m.Text, m.Context)).ToArray();

        var together = new RiskAssessmentResult[texts.Length];
        Parallel.For(0, texts.Length, i => together[i] = Engine.Assess(texts[i].Text, texts[i].Context));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(alone[i].Grade, together[i].Grade);
            Assert.Equal(alone[i].LifeAtRisk, together[i].LifeAtRisk);
            Assert.Equal(alone[i].Indicators, together[i].Indicators);
        }
    }

    [Theory]
    [InlineData("swallowed 30 of my dads heart tablets")]
    [InlineData("downed a whole packet of co-codamol with vodka")]
    [InlineData("gunna jump of the multi storey")]
    [InlineData("mae o'n ei churo hi rŵan")]
    [InlineData("gave my ps5 to my brother and wrote my will")]
    public void A_family_of_wordings_is_caught_by_combinations_not_by_one_sentence(string text)
    {
        var result = Engine.Assess(text, Dm);

        Assert.True(result.LifeAtRisk, string.Join(", ", result.Indicators.Select(i => $"{i.Name}:{i.Text}")));
        Assert.Equal(Grade.Emergency, result.Grade);
    }

    [Theory]
    [InlineData("took all my old tablets to the car boot sale and sold the lot")]
    [InlineData("goodbye twitter, moving to bluesky")]
    [InlineData("did a bridge jump for charity, raised loads, well done everyone")]
    [InlineData("she keeps saying she doesnt want to be here but shes not going to do anything tonight")]
    public void Hard_negatives_near_the_combinations_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Theory]
    [InlineData("she's got a belt round her neck and won't open the door", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("he's got the rope around his neck in the garage", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("sitting in the car with a pipe from the exhaust", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("he was squeezing my throat until I couldn't see", TriageCategory.DomesticAbuse)]
    [InlineData("mae o wedi gwasgu ei gwddf hi", TriageCategory.DomesticAbuse)]
    [InlineData("a van has rolled into the harbour", TriageCategory.Road)]
    [InlineData("dw i wedi llyncu'r pils i gyd", TriageCategory.SuicideOrSelfHarm)]
    public void Round_four_families_catch_wordings_no_phrase_spells_out(string text, TriageCategory category) =>
        AssertLifeAtRisk(Engine.Assess(text, Dm), category);

    [Fact]
    public void Welsh_r_is_the_article_so_a_phrase_reads_through_it()
    {
        var result = Engine.Assess("wedi llyncu'r tabledi i gyd", Dm);

        Assert.Contains(result.Indicators, i => i.Name == "suicide.overdose_taken" && i.Text == "llyncu'r tabledi i gyd");
    }

    [Fact]
    public void A_place_inside_a_longer_phrase_still_counts_as_a_part_of_a_combination()
    {
        // "by the river" is a missing-person phrase; "the river" inside it is still a place where a toddler is in danger.
        var result = Engine.Assess("a toddler on his own by the river", Dm);

        Assert.True(result.LifeAtRisk);
        Assert.Equal(TriageCategory.ChildAtRisk, result.Category);
    }

    [Fact]
    public void Denying_a_threat_to_life_discounts_loose_talk_but_never_an_act()
    {
        var loose = Engine.Assess("i'm not suicidal, it just feels like no one would miss me tbh", Dm);
        var act = Engine.Assess("i'm not suicidal but i've swallowed 30 paracetamol", Dm);

        Assert.False(loose.LifeAtRisk);
        Assert.Equal(TriageCategory.SuicideOrSelfHarm, loose.Category);
        Assert.Contains(loose.Indicators, i => i.Discount == Discount.Denied);
        Assert.True(act.LifeAtRisk);
    }

    [Fact]
    public void A_time_word_in_the_writers_question_does_not_bring_a_past_danger_into_the_present()
    {
        var past = Engine.Assess("Back in 2019 he strangled me. Should I apply for an order now?", Dm);
        var again = Engine.Assess("I tried to end my life 4 years ago. I'm doing it again tonight.", Dm);

        Assert.False(past.LifeAtRisk);
        Assert.Contains(past.Indicators, i => i.Discount == Discount.Past);
        Assert.True(again.LifeAtRisk);
    }

    [Fact]
    public void A_time_word_after_a_past_statement_belongs_to_it_only_within_its_clause()
    {
        var qualified = Engine.Assess("I took an overdose years ago, I'm 30 now and fine", Dm);
        var present = Engine.Assess("An officer helped me last year. I'm heading to the cliffs", Dm);

        Assert.False(qualified.LifeAtRisk);
        Assert.True(present.LifeAtRisk);
    }

    [Theory]
    [InlineData("this is my last post on here, moving to bluesky")]
    [InlineData("writing letters to my pen pals tonight")]
    [InlineData("tied the dog to a tree outside the shop")]
    [InlineData("sat in the car by the sea for an hour")]
    [InlineData("my mam is doing the school run, she's on the phone")]
    [InlineData("my son has been cutting himself, where can we get help")]
    [InlineData("mae'r tywydd yn fy lladd i")]
    public void Round_four_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Theory]
    [InlineData("some guy just got slashed across the neck by the bus station", TriageCategory.ViolenceInProgress)]
    [InlineData("Mae dyn wedi cael ei drywanu ger yr orsaf", TriageCategory.ViolenceInProgress)]
    [InlineData("dyn efo cyllell yn rhedeg ar ol plant ar y stryd", TriageCategory.ViolenceInProgress)]
    [InlineData("a bloke just bundled a little girl into a grey van by the shops", TriageCategory.ChildAtRisk)]
    [InlineData("after tonight nobody will have to deal with me anymore", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("he says I won't see the morning if I try to leave", TriageCategory.DomesticAbuse)]
    [InlineData("car hit a motorbike on the bypass, the rider is lying there going grey", TriageCategory.Road)]
    [InlineData("the fast train doesn't stop here. im already at the level crossing", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("m8 just txted me sayin hes gonna top himself", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("cnt do ths no more gonna end it", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("i've written my note. sorry mum", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("i wont be here this time tomorrow", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("im gonna drive my car into a tree tonight", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("theres a man floating face down in the river", TriageCategory.ViolenceInProgress)]
    [InlineData("mae fy mhartner yn fy nghuro i nawr", TriageCategory.DomesticAbuse)]
    public void Round_six_families_catch_wordings_no_phrase_spells_out(string text, TriageCategory category) =>
        AssertLifeAtRisk(RulesOnly.Assess(text, Dm), category);

    [Theory]
    [InlineData("gonna unalive myself if they pick him again")]
    [InlineData("my nan's going to kill me when she sees the state of my hair 😅")]
    [InlineData("my manager is trying to kill me with this workload honestly")]
    [InlineData("this meeting, I'm losing the will to live")]
    [InlineData("at the station, the fast train doesn't stop here so I'll be late")]
    [InlineData("my son was bundled into a police van for nothing last night")]
    [InlineData("kids dragged the wheelie bins round the back again")]
    [InlineData("my brother tried to take his own life in 2019, he is doing well now, thank you all")]
    [InlineData("Weithiau dw i'n teimlo'n isel ond wna i ddim byd, dw i jyst angen siarad")]
    [InlineData("i'm going to end it with my boyfriend tonight, wish me luck")]
    [InlineData("i've had enough of these potholes, when will the council fix them")]
    public void Round_six_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Fact]
    public void Loose_talk_made_conditional_on_a_trivial_event_is_a_joke_but_not_when_the_writer_says_it_is_serious()
    {
        var conditional = Engine.Assess("im gonna unalive myself if they play him up front again", TriageContext.CommentUnder("event"));
        var serious = Engine.Assess("im gonna unalive myself if they play him up front again, not joking", TriageContext.CommentUnder("event"));
        var plain = Engine.Assess("im gonna unalive myself, they keep playing him up front", TriageContext.CommentUnder("event"));

        Assert.Contains(conditional.Indicators, i => i.Name == "suicide.euphemism" && i.Discount == Discount.Joke);
        Assert.False(conditional.LifeAtRisk);
        Assert.True(serious.LifeAtRisk);
        Assert.True(plain.LifeAtRisk);
    }

    // Round 7: situations told by their parts, in wordings of my own (not the corpus's), with the rules alone.
    [Theory]
    [InlineData("my ex keeps threatening to kill my mum, hes outside her house now", TriageCategory.DomesticAbuse)]
    [InlineData("lad passed out in the park, been there for hours and hes freezing cold", TriageCategory.ViolenceInProgress)]
    [InlineData("my nan has fallen in the bathroom and cant get up, shes been there since last night", TriageCategory.ViolenceInProgress)]
    [InlineData("friend passed out after drinking, shes being sick and we cant wake her", TriageCategory.ViolenceInProgress)]
    [InlineData("two blokes kicking and punching a man with bricks outside the co-op now", TriageCategory.ViolenceInProgress)]
    [InlineData("my dad has dementia and went out an hour ago, its pitch black and he was walking towards the river", TriageCategory.MissingPerson)]
    [InlineData("toddler on his own for 3 days next door, no one has fed him", TriageCategory.ChildAtRisk)]
    [InlineData("sitting in the car with the hose, its quiet here. sorry", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("man threatening to blow the flats up, theres a smell of gas in the stairwell", TriageCategory.ViolenceInProgress)]
    [InlineData("ordered a rope and i cant trust myself anymore", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("mae dyn yn colbio hogyn efo morthwyl tu allan i'r dafarn rwan", TriageCategory.ViolenceInProgress)]
    public void Round_seven_families_catch_situations_told_by_their_parts(string text, TriageCategory category) =>
        AssertLifeAtRisk(RulesOnly.Assess(text, Dm), category);

    [Theory]
    [InlineData("mum is going to kill me when she sees the carpet lol")]
    [InlineData("passed out on the sofa for hours after the wedding haha")]
    [InlineData("fell over in the snow this morning, freezing and embarrassed")]
    [InlineData("bought a rope swing for the kids garden")]
    [InlineData("washing the car with the hose in the sun, lovely day")]
    [InlineData("the gas man is coming to look at the boiler tomorrow, where do i park")]
    [InlineData("my nan has dementia, what support is there for carers in the area")]
    [InlineData("left the kids with my mum for 2 days while we went to Cardiff")]
    [InlineData("swimming in the cold sea every morning, best thing for your head")]
    [InlineData("we've been sick all night with norovirus, can someone cancel my appointment")]
    [InlineData("it's done! thank you for everything, the new house is ours")]
    [InlineData("little boy fell over in the playground, his mum is with him, ambulance called")]
    [InlineData("my dad threatened to kill the referee after that penalty 😂")]
    public void Round_seven_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Theory]
    [InlineData("who do i speak to about my fine? been counting my pills all week", TriageCategory.Enquiry, "suicide.stockpiling")]
    [InlineData("Please check on my neighbour, his curtains have been shut for days", TriageCategory.NotAPoliceMatter, "suicide.concern_for_other")]
    public void Round_eight_a_threat_to_life_sign_too_weak_for_the_alarm_grades_no_lower_than_2(string text, TriageCategory category, string sign)
    {
        var result = RulesOnly.Assess(text, Dm);

        Assert.False(result.LifeAtRisk);
        Assert.Null(result.RaisedBy);
        Assert.Equal(Grade.Priority, result.Grade);
        Assert.Equal(category, result.Category);
        // The floor explains itself: the strongest sign it read, with the text it matched.
        var floor = Assert.Single(result.Indicators, i => i.Name == TriageEngine.ConcernIndicatorName);
        Assert.Equal(text.Substring(floor.Start, floor.Length), floor.Text);
        Assert.Contains(result.Indicators, i => i.Name == sign && floor.Start == i.Start && floor.Length == i.Length);
    }

    [Theory]
    [InlineData("goodbye twitter, moving to bluesky")]
    [InlineData("said my goodbyes to the old house today")]
    [InlineData("my dad is diabetic, where do I get a blue badge?")]
    [InlineData("sorry everyone, the charity quiz is off tonight")]
    [InlineData("kms lol that ref is blind")]
    [InlineData("I'm dead 💀")]
    public void Round_eight_one_weak_sign_a_sign_without_its_companion_or_a_joke_raises_nothing(string text)
    {
        var result = RulesOnly.Assess(text, Dm);

        Assert.Equal(Grade.ResolvedWithoutDeployment, result.Grade);
        Assert.DoesNotContain(result.Indicators, i => i.Name == TriageEngine.ConcernIndicatorName);
    }

    [Fact]
    public void Round_eight_the_models_concern_band_grades_2_without_the_alarm_and_never_lowers_or_overrules_a_joke()
    {
        // The shipped weights with a band that starts at the bottom: every message the model may read is a concern.
        var everything = new TriageEngine(IndicatorSet.Default, LifeAtRiskModel.Default.WithThresholds(0.999, 0.999, 0.3, concernThreshold: 0.001));

        var bins = everything.Assess("my bin wasn't collected again this week", Dm);
        var fight = everything.Assess("there's a fight kicking off outside the Red Lion right now", Dm);
        var joke = everything.Assess("kms lol that ref is blind", TriageContext.CommentUnder("event"));

        Assert.False(bins.LifeAtRisk);
        Assert.Equal(Grade.Priority, bins.Grade);
        var concern = Assert.Single(bins.Indicators, i => i.Name == LifeAtRiskModel.ConcernIndicatorName);
        Assert.False(concern.LifeThreatening);
        Assert.InRange(concern.Weight, 0.001, 0.999);
        Assert.Equal("my bin wasn't collected again this week".Substring(concern.Start, concern.Length), concern.Text);
        Assert.Equal(Grade.Emergency, fight.Grade);
        Assert.DoesNotContain(fight.Indicators, i => i.Name == LifeAtRiskModel.ConcernIndicatorName);
        Assert.Equal(Grade.ResolvedWithoutDeployment, joke.Grade);
        Assert.DoesNotContain(joke.Indicators, i => i.Name == LifeAtRiskModel.ConcernIndicatorName);
    }

    [Theory]
    [InlineData("can you send someone to check on my order please, i cant talk, hes in the next room", TriageCategory.DomesticAbuse)]
    [InlineData("fedra i ddim siarad, mae o adra, plis dewch i 4 Heol y Bryn", TriageCategory.DomesticAbuse)]
    [InlineData("they said they're gonna shank him after school today", TriageCategory.DomesticAbuse)]
    [InlineData("dwi di cymryd nhw i gyd. sori am bob dim", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("my sister has locked herself in the garage with a rope and wont answer", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("my mate is live on tiktok cutting herself and everyone is laughing", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("wont be around to see christmas. said my goodbyes", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("if someone finds this tell my mum i love her. ive taken all my pills", TriageCategory.SuicideOrSelfHarm)]
    public void Round_eight_families_catch_silent_calls_slang_and_oblique_intent(string text, TriageCategory category) =>
        AssertLifeAtRisk(RulesOnly.Assess(text, Dm), category);

    [Theory]
    [InlineData("cant talk now, im at work, can someone ring me back about my car?")]
    [InlineData("if someone says they want to kill themselves online, can you trace them?")]
    [InlineData("🎶 I wanna die tonight 🎶 what a tune")]
    [InlineData("last post on here, deleting all my socials, bye everyone")]
    [InlineData("sliced my thumb open cutting onions, send help")]
    [InlineData("might as well top myself now 🙄 another parking ticket")]
    [InlineData("the way im about to die from embarrassment, called my teacher mum")]
    public void Round_eight_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Fact]
    public void Round_eight_a_hypothetical_question_is_an_enquiry_and_a_statement_with_if_someone_is_not_a_thought_experiment()
    {
        var question = Engine.Assess("if someone says they want to kill themselves online, can you trace them?", Dm);
        var statement = RulesOnly.Assess("if someone finds this tell my mum i love her. ive taken all my pills", Dm);

        Assert.Equal(TriageCategory.Enquiry, question.Category);
        Assert.Contains(question.Indicators, i => i.Name == "suicide.someone_else" && i.Discount == Discount.Hypothetical);
        Assert.True(statement.LifeAtRisk);
        Assert.DoesNotContain(statement.Indicators, i => i.Discount == Discount.Hypothetical);
    }

    [Theory]
    [InlineData("the flat above is on fire and there are kids in there", TriageCategory.ViolenceInProgress)]
    [InlineData("mae'r tŷ ar dân a mae Mam tu mewn", TriageCategory.ViolenceInProgress)]
    [InlineData("my mate's arm got caught in the saw and he's losing loads of blood", TriageCategory.ViolenceInProgress)]
    [InlineData("ive cut my arm and its spurting everywhere", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("there's a woman standing right at the edge of the cliff path, shaking", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("dwi'n eistedd ar ben y bont a dwi ddim yn bwriadu mynd yn ôl", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("a man just bundled her into a grey van outside the school", TriageCategory.ChildAtRisk)]
    [InlineData("got the shotgun out. sorry to whoever finds me", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("he said he's going to drive into the reservoir tonight", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("mae Taid wedi syrthio efo'r llif gadwyn ac yn colli llawer o waed", TriageCategory.ViolenceInProgress)]
    [InlineData("saved up my pills for weeks, is that enough now", TriageCategory.SuicideOrSelfHarm)]
    public void Round_nine_families_catch_fires_blood_loss_edges_and_oblique_intent(string text, TriageCategory category) =>
        AssertLifeAtRisk(RulesOnly.Assess(text, Dm), category);

    [Theory]
    [InlineData("did anyone watch the finale, the bit where she jumps off the bridge 😱")]
    [InlineData("if I hear that Wham song one more time at work I'm walking into the sea")]
    [InlineData("overdosed on mince pies, send help")]
    [InlineData("was there a stabbing on the high street last night? saw the police tape")]
    [InlineData("I was the lad on the bridge last winter. In treatment and doing well, thank you to the officers")]
    [InlineData("im okay tonight, been self harming again but only scratches, can I talk to someone tomorrow?")]
    [InlineData("is that enough paracetamol for the first aid box at work?")]
    public void Round_nine_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Theory]
    [InlineData("my brother has taken them all, about half an hour ago, sorry mum", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("wedi cymryd nhw i gyd awr yn ôl", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("he's threatening to jump off the flyover, police are not here yet", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("my uncle is on the footbridge saying he'll jump if we go any closer", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("a dog is mauling a man in the park on Bryn Rd, can't get it off him", TriageCategory.ViolenceInProgress)]
    [InlineData("someone fired a shotgun at the houses on our street", TriageCategory.ViolenceInProgress)]
    [InlineData("they are setting the shed on fire with him in it", TriageCategory.ViolenceInProgress)]
    [InlineData("a paddleboarder is drifting out past the point, he's shouting", TriageCategory.ViolenceInProgress)]
    [InlineData("there's no point me being here any more, tonight is it", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("sai moyn bod yma, dwi ar y bont", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("my sister posted if you're reading this i'm already gone, 10 mins ago", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("gas is on in the kitchen. whoever finds me, I'm sorry", TriageCategory.SuicideOrSelfHarm)]
    public void Round_ten_families_catch_recent_acts_threats_to_jump_attacks_and_the_tide(string text, TriageCategory category) =>
        AssertLifeAtRisk(RulesOnly.Assess(text, Dm), category);

    [Theory]
    [InlineData("drowning our sorrows at the club after that result")]
    [InlineData("the stabbing scene in that new series was brutal, couldn't watch")]
    [InlineData("anyone know the song at the end of the advert, who is it by? something about jumping off a bridge")]
    [InlineData("saw a lad with a knife on snapchat, turns out it was a prop from the school play")]
    [InlineData("my mate left an hour ago, he's home now")]
    public void Round_ten_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Theory]
    [InlineData("my grandad is holding his chest and says his arm's gone numb, we're at the bowls club", TriageCategory.ViolenceInProgress)]
    [InlineData("Mae Taid wedi syrthio a dydy o ddim yn agor ei lygaid, plis", TriageCategory.ViolenceInProgress)]
    [InlineData("my cousin is kept at a house by men, he thinks they will kill him if he runs", TriageCategory.ViolenceInProgress)]
    [InlineData("a man with a broken bottle is in the bar shouting he'll kill the barman", TriageCategory.ViolenceInProgress)]
    [InlineData("lads saying they're going to petrol bomb the shop on Bay St tonight", TriageCategory.ViolenceInProgress)]
    [InlineData("been nice knowing you all, my brother can have my gear. by the time you read this it's done", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("i just want someone to find me before my kids do. the old quarry, tonight", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("my uncle has gone in the garage with a rope, he said goodbye to mam an hour ago", TriageCategory.SuicideOrSelfHarm)]
    public void Round_eleven_families_catch_bystanders_emergencies_people_held_armed_threats_and_plain_goodbyes(string text, TriageCategory category) =>
        AssertLifeAtRisk(RulesOnly.Assess(text, Dm), category);

    [Theory]
    [InlineData("my grandad was stabbed outside the Feathers in 1987, the town hasn't changed")]
    [InlineData("there's a drowning scene in that Netflix thing everyone's watching, had to turn it off")]
    [InlineData("I'm the drama teacher, our school play has a scene where a girl threatens to jump off a bridge, is that ok to film?")]
    [InlineData("Mae'r côr yn mynd i fy lladd i os dwi'n colli'r ymarfer 😅")]
    public void Round_eleven_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    [Fact]
    public void The_Welsh_hi_she_is_not_read_as_the_English_greeting()
    {
        var welsh = RulesOnly.Assess("mae dyn wedi ei tharo hi ar y stryd", Dm);
        var english = RulesOnly.Assess("hi, is the station open on Sunday", Dm);

        Assert.DoesNotContain(welsh.Indicators, i => i.Name == "enquiry.greeting");
        Assert.Contains(english.Indicators, i => i.Name == "enquiry.greeting" && i.Text == "hi");
    }

    [Fact]
    public void Round_eleven_a_joke_without_a_trivial_cause_lets_the_models_concern_floor_grade_2_but_never_raises_the_alarm()
    {
        // The shipped weights with a band from the bottom and an alarm the model would reach: every message it reads is a concern or an alarm.
        var eager = new TriageEngine(IndicatorSet.Default, LifeAtRiskModel.Default.WithThresholds(0.001, 0.001, 0.3, concernThreshold: 0.001));

        var covered = eager.Assess("lol so my nan's gone a funny colour and keeps nodding off at the table", Dm);
        var plain = eager.Assess("so my nan's gone a funny colour and keeps nodding off at the table", Dm);
        var trivial = eager.Assess("lol the queue is killing me", Dm);

        Assert.False(covered.LifeAtRisk);
        Assert.Equal(Grade.Priority, covered.Grade);
        Assert.Contains(covered.Indicators, i => i.Name == LifeAtRiskModel.ConcernIndicatorName);
        Assert.True(plain.LifeAtRisk);
        Assert.Equal(AlarmSource.Model, plain.RaisedBy);
        Assert.False(trivial.LifeAtRisk);
        Assert.DoesNotContain(trivial.Indicators, i => i.Name == LifeAtRiskModel.ConcernIndicatorName);
    }

    [Fact]
    public void Round_nine_a_sign_without_its_companion_about_someone_else_with_now_grades_2_and_without_now_nothing()
    {
        var now = RulesOnly.Assess("my uncle is diabetic and it's 9pm now, no insulin with him", Dm);
        var noTime = RulesOnly.Assess("my dad is diabetic, where do I get a blue badge?", Dm);

        Assert.False(now.LifeAtRisk);
        Assert.Equal(Grade.Priority, now.Grade);
        var floor = Assert.Single(now.Indicators, i => i.Name == TriageEngine.ConcernIndicatorName);
        Assert.Contains(now.Indicators, i => i.Name == "missing.high_risk" && i.Discount == Discount.WithoutCompanion && i.Start == floor.Start);
        Assert.Equal(Grade.ResolvedWithoutDeployment, noTime.Grade);
        Assert.DoesNotContain(noTime.Indicators, i => i.Name == TriageEngine.ConcernIndicatorName);
    }

    [Fact]
    public void A_plural_the_set_does_not_list_reads_as_its_singular_but_a_known_word_reads_as_itself()
    {
        var plural = RulesOnly.Assess("blokes with baseball bats going at a lad", Dm);
        var singular = RulesOnly.Assess("bloke with a baseball bat going at a lad", Dm);

        Assert.Contains(plural.Indicators, i => i.Name == "means.weapon" && i.Text == "baseball bats");
        Assert.Equal(singular.LifeAtRisk, plural.LifeAtRisk);
        Assert.True(plural.LifeAtRisk);
        // "lives" is a word of the set, so it is not read as "live".
        Assert.Contains(RulesOnly.Assess("she lives in Fenby", Dm).Indicators, i => i.Text == "lives in");
    }

    [Fact]
    public void A_concept_is_seen_even_where_a_longer_phrase_of_another_indicator_starts_on_the_same_word()
    {
        // "freezing cold" is a phrase of missing.high_risk; "freezing" is still the exposure that, with someone down, is a collapse.
        var result = RulesOnly.Assess("lad passed out in the park and hes freezing cold", Dm);

        Assert.Contains(result.Indicators, i => i.Name == "missing.high_risk" && i.Text == "freezing cold");
        Assert.Contains(result.Indicators, i => i.Name == "violence.down_and_exposed");
        Assert.True(result.LifeAtRisk);
    }

    [Theory]
    [InlineData("💊💊💊🍷⚰️", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("got my dad's old rifle and I'm sat in the car park at the top of the hill, not long now", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("my flatmate has taken her insulin pens all at once and is saying bye to everyone", TriageCategory.SuicideOrSelfHarm)]
    [InlineData("a dinghy has capsized by the pier and one lad's not holding onto the boat", TriageCategory.ViolenceInProgress)]
    [InlineData("a dog has gone for a little boy in the park, it's got his arm and won't let go", TriageCategory.ViolenceInProgress)]
    public void Round_twelve_families_catch_emoji_goodbyes_firearms_boats_and_dogs(string text, TriageCategory category) =>
        AssertLifeAtRisk(RulesOnly.Assess(text, Dm), category);

    [Theory]
    [InlineData("fight kicking off between the two sets of fans outside the ground")]
    [InlineData("bloke punching the bus driver at the station stop")]
    public void Round_twelve_fights_told_plainly_are_grade_1(string text) =>
        Assert.Equal(Grade.Emergency, RulesOnly.Assess(text, Dm).Grade);

    [Theory]
    [InlineData("that linesman needs drowning 😂")]
    [InlineData("the boy racers on the prom are going to kill someone one day")]
    [InlineData("took two paracetamol for this headache and I'm dying here 😩")]
    [InlineData("Is the Riverside footpath closed after the flooding?")]
    public void Round_twelve_hard_negatives_stay_below_life_at_risk(string text) =>
        AssertNotLifeAtRisk(Engine.Assess(text, Dm));

    // ---------------------------------------------------------------- round 12: category accuracy (engine 1.11.0)

    [Theory]
    [InlineData("my uncle has gone a funny colour on the kitchen floor and his breathing sounds wrong, 4 Mill Lane", TriageCategory.ViolenceInProgress)]
    [InlineData("i'm sat on the wall at the top of the quarry and i'm done with all of it", TriageCategory.SuicideOrSelfHarm)]
    public void An_alarm_the_model_raises_with_no_category_named_follows_who_is_at_risk(string text, TriageCategory category)
    {
        var result = Engine.Assess(text, Dm);

        var rules = RulesOnly.Assess(text, Dm);

        Assert.Equal(AlarmSource.Model, result.RaisedBy);
        AssertLifeAtRisk(result, category);
        // The rules alone name no category for it: the category comes from who is at risk.
        Assert.False(rules.LifeAtRisk);
        Assert.Equal(TriageCategory.NotAPoliceMatter, rules.Category);
    }

    [Theory]
    [InlineData("he's got a knife and I'm hiding in the bathroom, please come, 3 Elm Close")]
    [InlineData("he has a hammer and I've locked myself in the bathroom, 9 Birch Way")]
    public void Violence_beside_a_sign_of_domestic_abuse_that_endangers_a_life_is_filed_as_domestic_abuse(string text)
    {
        var result = RulesOnly.Assess(text, Dm);

        AssertLifeAtRisk(result, TriageCategory.DomesticAbuse);
        Assert.Contains(result.Indicators, i => i.Category == TriageCategory.ViolenceInProgress && i.Role == IndicatorRole.Category);
    }

    [Fact]
    public void Violence_with_no_sign_of_domestic_abuse_stays_violence_in_progress()
    {
        AssertLifeAtRisk(RulesOnly.Assess("two lads fighting outside the Swan and one has pulled a knife", Dm), TriageCategory.ViolenceInProgress);
    }

    [Theory]
    [InlineData("anyone know if the chippy on Mill Lane does gluten free?", TriageCategory.NotAPoliceMatter)]
    [InlineData("Unrhyw un yn nabod garej dda yn Llandudno?", TriageCategory.NotAPoliceMatter)]
    [InlineData("can anyone tell me if you still do bike marking?", TriageCategory.Enquiry)]
    [InlineData("@HarbourvalePolice does anyone know when the front counter opens?", TriageCategory.Enquiry)]
    [InlineData("when does the front counter open?", TriageCategory.Enquiry)]
    public void A_question_put_only_to_the_public_is_not_an_enquiry_to_the_force(string text, TriageCategory category)
    {
        var result = RulesOnly.Assess(text, TriageContext.CommentUnder("prevention"));

        Assert.Equal(category, result.Category);
        Assert.Equal(Grade.ResolvedWithoutDeployment, result.Grade);
    }
}
