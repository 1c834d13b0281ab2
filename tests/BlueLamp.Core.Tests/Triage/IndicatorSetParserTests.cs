using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

public sealed class IndicatorSetParserTests
{
    private static string SetWith(string indicators, string extra = "") => $$"""
        {
          "version": "test-1",
          "lifeAtRiskThreshold": 0.6,
          "negationWindow": 2,
          "appealParents": ["missing_person"],
          {{extra}}
          "categories": [
            {{string.Join(",\n", TriageCategoryCodes.All.Select(c => $$"""{ "code": "{{c.ToCode()}}", "grade": 4 }"""))}}
          ],
          "indicators": [ {{indicators}} ]
        }
        """;

    [Fact]
    public void The_shipped_indicator_set_loads_with_a_version()
    {
        var set = IndicatorSet.Default;

        Assert.False(string.IsNullOrWhiteSpace(set.Version));
        Assert.NotEmpty(set.Indicators);
        Assert.All(TriageCategoryCodes.All, c => Assert.NotNull(set.GradingOf(c)));
    }

    [Fact]
    public void A_custom_set_changes_what_the_engine_finds()
    {
        var set = IndicatorSetParser.Parse(SetWith("""
            { "name": "test.bees", "category": "asb", "weight": 0.9, "phrases": ["bees/wasps in the? garden"] }
            """));

        var result = new TriageEngine(set, lifeAtRiskModel: null).Assess("There are WASPS in garden again", TriageContext.DirectMessage);

        Assert.Equal(TriageCategory.AntisocialBehaviour, result.Category);
        Assert.Equal("test-1", result.IndicatorSetVersion);
        Assert.Equal("WASPS in garden", Assert.Single(result.Indicators).Text);
    }

    [Theory]
    [InlineData("overdos* tonight", "I overdosed tonight", "overdosed tonight")]
    [InlineData("waited * hours", "we waited six hours", "waited six hours")]
    [InlineData("really? sad/upset", "so sad", "sad")]
    [InlineData("can't cope", "i cant cope", "cant cope")]
    [InlineData("did+not come home", "he did not come home", "did not come home")]
    [InlineData("call 999", "pls call 999", "call 999")]
    [InlineData("help", "HELLLLP", "HELLLLP")]
    [InlineData("yn fy ~curo", "mae o'n fy nghuro i", "'n fy nghuro")]
    [InlineData("~lladd fy hun", "dw i am ladd fy hun", "ladd fy hun")]
    [InlineData("took # pills", "i took 40 pills", "took 40 pills")]
    public void Phrase_syntax_covers_prefixes_wildcards_options_and_apostrophes(string phrase, string text, string matched)
    {
        var set = IndicatorSetParser.Parse(SetWith($$"""{ "name": "test.p", "category": "enquiry", "weight": 0.5, "phrases": ["{{phrase}}"] }"""));

        var result = new TriageEngine(set, lifeAtRiskModel: null).Assess(text, TriageContext.DirectMessage);

        Assert.Equal(matched, Assert.Single(result.Indicators).Text);
    }

    [Theory]
    [InlineData("took paracetamol", "took paracetomol", true)]
    [InlineData("is unconscious", "is unconcious", true)]
    [InlineData("is drowning", "is drownding", true)]
    [InlineData("is suicidal", "is suicdial", true)]
    [InlineData("was strangled", "was strangle", false)]
    [InlineData("was stabbing", "was stubbing", false)]
    public void A_long_word_one_slip_away_matches_but_another_form_or_a_short_word_does_not(string phrase, string text, bool matches)
    {
        var set = IndicatorSetParser.Parse(SetWith($$"""{ "name": "test.p", "category": "enquiry", "weight": 0.5, "phrases": ["{{phrase}}"] }"""));

        var result = new TriageEngine(set, lifeAtRiskModel: null).Assess(text, TriageContext.DirectMessage);

        Assert.Equal(matches, result.Indicators.Any(i => i.Name == "test.p" && i.Text == text));
    }

    [Fact]
    public void A_phrase_that_requires_a_category_counts_only_beside_it()
    {
        var set = IndicatorSetParser.Parse(SetWith("""
            { "name": "m.report", "category": "missing_person", "weight": 0.7, "phrases": ["gone missing"] },
            { "name": "m.cold", "category": "missing_person", "weight": 0.7, "life": true, "requires": "missing_person", "phrases": ["freezing"] }
            """));
        var engine = new TriageEngine(set, lifeAtRiskModel: null);

        var alone = engine.Assess("freezing out there", TriageContext.DirectMessage);
        var beside = engine.Assess("my nan has gone missing and it is freezing", TriageContext.DirectMessage);

        Assert.False(alone.LifeAtRisk);
        Assert.Equal(Discount.WithoutCompanion, Assert.Single(alone.Indicators).Discount);
        Assert.True(beside.LifeAtRisk);
    }

    [Fact]
    public void A_combination_fires_only_when_its_parts_are_found_within_its_window_and_spans_them()
    {
        var set = IndicatorSetParser.Parse(SetWith("""
            { "name": "c.act", "role": "concept", "phrases": ["swallowed", "took"] },
            { "name": "c.what", "role": "means", "weight": 0.2, "phrases": ["pills", "bleach"] },
            { "name": "n.not", "role": "negation", "weight": 0, "phrases": ["never"] },
            { "name": "s.swallowed", "category": "suicide_self_harm", "weight": 0.7, "life": true, "combines": ["c.act", "c.what"], "within": 6 }
            """));
        var engine = new TriageEngine(set, lifeAtRiskModel: null);

        var near = engine.Assess("just swallowed a bottle of bleach", TriageContext.DirectMessage);
        var far = engine.Assess("took the dog out and then bought some pills for my headache", TriageContext.DirectMessage);
        var negated = engine.Assess("i never took any pills", TriageContext.DirectMessage);

        Assert.True(near.LifeAtRisk);
        var hit = Assert.Single(near.Indicators, i => i.Name == "s.swallowed");
        Assert.Equal("swallowed a bottle of bleach", hit.Text);
        Assert.Equal(0.7, hit.Weight);
        Assert.False(far.LifeAtRisk);
        Assert.DoesNotContain(far.Indicators, i => i.Name == "s.swallowed");
        Assert.False(negated.LifeAtRisk);
        Assert.Equal(Discount.Negated, Assert.Single(negated.Indicators, i => i.Name == "s.swallowed").Discount);
    }

    [Fact]
    public void A_supporting_indicator_adds_to_life_evidence_but_never_sets_the_category_alone()
    {
        var set = IndicatorSetParser.Parse(SetWith("""
            { "name": "s.farewell", "category": "suicide_self_harm", "weight": 0.35, "life": true, "supporting": true, "phrases": ["goodbye"] },
            { "name": "s.letters", "category": "suicide_self_harm", "weight": 0.35, "life": true, "supporting": true, "phrases": ["written letters"] },
            { "name": "f.thanks", "category": "feedback", "weight": 0.5, "phrases": ["thanks"] }
            """));
        var engine = new TriageEngine(set, lifeAtRiskModel: null);

        var alone = engine.Assess("goodbye twitter, thanks for the memes", TriageContext.DirectMessage);
        var together = engine.Assess("written letters to everyone. goodbye", TriageContext.DirectMessage);

        Assert.False(alone.LifeAtRisk);
        Assert.Equal(TriageCategory.Feedback, alone.Category);
        Assert.True(together.LifeAtRisk);
        Assert.Equal(TriageCategory.SuicideOrSelfHarm, together.Category);
    }

    [Theory]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 0.5, "combines": ["nobody"], "within": 4 }""", "not an indicator")]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 0.5, "combines": ["nobody"], "within": 40 }""", "within 40")]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 0.5, "combines": ["a"], "within": 4, "phrases": ["y"] }""", "phrases of its own")]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 0.5, "within": 4, "phrases": ["y"] }""", "combines nothing")]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 0.5, "supporting": true, "phrases": ["y"] }""", "life set")]
    public void A_bad_combination_or_supporting_indicator_is_refused(string indicator, string expected)
    {
        var problem = Assert.Throws<InvalidIndicatorSetException>(() => IndicatorSetParser.Parse(SetWith(indicator))).Message;

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 0.5, "requires": "nonsense", "phrases": ["a b"] }""", "unknown category")]
    [InlineData("""{ "name": "x", "role": "immediacy", "weight": 0.5, "requires": "enquiry", "phrases": ["a b"] }""", "not a category indicator")]
    public void A_bad_requires_is_refused(string indicator, string expected)
    {
        var problem = Assert.Throws<InvalidIndicatorSetException>(() => IndicatorSetParser.Parse(SetWith(indicator))).Message;

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_claimed_by_two_indicators_is_refused_with_both_names()
    {
        var json = SetWith("""
            { "name": "a.one", "category": "enquiry", "weight": 0.5, "phrases": ["help me"] },
            { "name": "b.two", "category": "feedback", "weight": 0.5, "phrases": ["help me"] }
            """);

        var problem = Assert.Throws<InvalidIndicatorSetException>(() => IndicatorSetParser.Parse(json)).Message;

        Assert.Contains("a.one", problem, StringComparison.Ordinal);
        Assert.Contains("b.two", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "x", "category": "burglary", "weight": 0.5, "phrases": ["x"] }""", "burglary")]
    [InlineData("""{ "name": "x", "category": "enquiry", "wieght": 0.5, "phrases": ["x"] }""", "wieght")]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 2, "phrases": ["x"] }""", "weight")]
    [InlineData("""{ "name": "x", "role": "vibes", "weight": 0.5, "phrases": ["x"] }""", "vibes")]
    [InlineData("""{ "name": "x", "category": "enquiry", "weight": 0.5, "phrases": ["* x"] }""", "*")]
    public void A_mistake_in_the_file_is_refused_with_a_message_that_names_it(string indicator, string named)
    {
        var ok = IndicatorSetParser.TryParse(SetWith(indicator), out var set, out var problem);

        Assert.False(ok);
        Assert.Null(set);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_not_thrown()
    {
        Assert.False(IndicatorSetParser.TryParse("not json {", out _, out var problem));
        Assert.Contains("JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_missing_a_category_grading_is_refused()
    {
        const string json = """{ "version": "v", "lifeAtRiskThreshold": 0.6, "categories": [], "indicators": [] }""";

        Assert.False(IndicatorSetParser.TryParse(json, out _, out var problem));
        Assert.Contains("has no grading", problem, StringComparison.Ordinal);
    }
}
