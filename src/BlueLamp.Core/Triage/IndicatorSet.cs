namespace BlueLamp.Core.Triage;

/// <summary>
/// A force's triage rules as data: the indicators with their phrases and weights, how each category is
/// graded, and the thresholds that combine them. Built once (phrases compiled into one matcher) and then
/// shared by every assessment; immutable and safe to use from many threads.
/// </summary>
public sealed class IndicatorSet
{
    private static readonly Lazy<IndicatorSet> DefaultSet = new(IndicatorSetParser.ParseDefault);

    private readonly Dictionary<TriageCategory, CategoryGrading> gradings;

    /// <param name="version">The set's version, stored with every assessment made with it.</param>
    /// <param name="lifeAtRiskThreshold">Life-at-risk evidence at or above this (0–1) means life at risk.</param>
    /// <param name="negationWindow">How many words may stand between a negation and the phrase it negates.</param>
    /// <param name="appealParents">Post purposes that are appeals, under which a sighting counts.</param>
    /// <param name="categories">How each category is graded; every category must appear.</param>
    /// <param name="indicators">The indicators.</param>
    /// <param name="welshWords">Common words that mark a message as Welsh.</param>
    /// <param name="englishWords">Common words that mark a message as English.</param>
    /// <exception cref="InvalidIndicatorSetException">Something in the set is unusable; the message says what.</exception>
    public IndicatorSet(
        string version,
        double lifeAtRiskThreshold,
        int negationWindow,
        IReadOnlyList<string> appealParents,
        IReadOnlyList<CategoryGrading> categories,
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<string> welshWords,
        IReadOnlyList<string> englishWords)
    {
        if (string.IsNullOrWhiteSpace(version))
            throw new InvalidIndicatorSetException("An indicator set needs a version.");
        if (lifeAtRiskThreshold is <= 0 or > 1)
            throw new InvalidIndicatorSetException("lifeAtRiskThreshold must be above 0 and at most 1.");
        if (negationWindow is < 0 or > 10)
            throw new InvalidIndicatorSetException("negationWindow must be between 0 and 10 words.");

        Version = version;
        LifeAtRiskThreshold = lifeAtRiskThreshold;
        NegationWindow = negationWindow;
        AppealParents = appealParents.ToArray();
        Categories = categories.ToArray();
        Indicators = indicators.ToArray();
        WelshWords = welshWords.ToArray();
        EnglishWords = englishWords.ToArray();

        gradings = [];
        foreach (var grading in Categories)
        {
            if (!gradings.TryAdd(grading.Category, grading))
                throw new InvalidIndicatorSetException($"Category '{grading.Category.ToCode()}' is graded twice.");
        }
        foreach (var category in TriageCategoryCodes.All)
        {
            if (!gradings.ContainsKey(category))
                throw new InvalidIndicatorSetException($"Category '{category.ToCode()}' has no grading.");
        }

        Matcher = new PhraseMatcher();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Indicators.Count; i++)
        {
            var indicator = Indicators[i];
            if (string.IsNullOrWhiteSpace(indicator.Name))
                throw new InvalidIndicatorSetException($"Indicator number {i + 1} has no name.");
            if (!names.Add(indicator.Name))
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' is defined twice.");
            if (indicator.Role == IndicatorRole.Category && indicator.Category is null)
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' is a category indicator without a category.");
            if (indicator.Requires is not null && indicator.Role != IndicatorRole.Category)
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' has 'requires' but is not a category indicator.");
            if (indicator.Weight is < 0 or > 1)
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' has weight {indicator.Weight}; weights are between 0 and 1.");
            if (indicator.IsCombination)
            {
                if (indicator.Phrases.Count > 0)
                    throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' combines other indicators and so may not have phrases of its own.");
                if (indicator.Role != IndicatorRole.Category)
                    throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' combines other indicators but is not a category indicator.");
                if (indicator.Within is < 2 or > 24)
                    throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' has within {indicator.Within}; a combination spans 2 to 24 words.");
                continue;
            }
            if (indicator.Supporting && (indicator.Role != IndicatorRole.Category || !indicator.LifeThreatening))
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' is supporting evidence of a threat to life, so it must be a category indicator with life set.");
            if (indicator.Within != 0)
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' has 'within' but combines nothing.");
            if (indicator.Phrases.Count == 0)
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' has no phrases.");
            foreach (var phrase in indicator.Phrases)
            {
                var problem = Matcher.AddPhrase(phrase, i, n => Indicators[n].Name);
                if (problem is not null)
                    throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}': {problem}.");
            }
        }
        var combinations = new List<Combination>();
        for (var i = 0; i < Indicators.Count; i++)
        {
            var indicator = Indicators[i];
            if (!indicator.IsCombination)
                continue;
            var parts = new int[indicator.Combines!.Count];
            for (var p = 0; p < parts.Length; p++)
            {
                var part = indicator.Combines[p];
                parts[p] = IndexOf(part);
                if (parts[p] < 0)
                    throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' combines '{part}', which is not an indicator of this set.");
                if (Indicators[parts[p]].IsCombination)
                    throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' combines '{part}', which is a combination itself.");
            }
            if (parts.Length < 2 || parts.Distinct().Count() != parts.Length)
                throw new InvalidIndicatorSetException($"Indicator '{indicator.Name}' must combine at least two different indicators.");
            combinations.Add(new Combination(i, parts, indicator.Within));
        }
        Combinations = combinations.ToArray();
        ModelClasses = Indicators.Select(LifeAtRiskModel.ClassOf).ToArray();
        Parts = Indicators.Select(i => i.Role is IndicatorRole.Concept or IndicatorRole.Means).ToArray();

        foreach (var word in WelshWords)
            Matcher.AddLanguageWord(word, 1);
        foreach (var word in EnglishWords)
            Matcher.AddLanguageWord(word, -1);
        Matcher.IndexSlips();
    }

    /// <summary>The indicator set shipped with BlueLamp (<c>Triage/IndicatorSets/default.json</c>), loaded once.</summary>
    public static IndicatorSet Default => DefaultSet.Value;

    public string Version { get; }

    public double LifeAtRiskThreshold { get; }

    public int NegationWindow { get; }

    public IReadOnlyList<string> AppealParents { get; }

    public IReadOnlyList<CategoryGrading> Categories { get; }

    public IReadOnlyList<Indicator> Indicators { get; }

    public IReadOnlyList<string> WelshWords { get; }

    public IReadOnlyList<string> EnglishWords { get; }

    internal PhraseMatcher Matcher { get; }

    /// <summary>The combination indicators, with their parts resolved to indicator indices.</summary>
    internal Combination[] Combinations { get; }

    /// <summary>Each indicator's word class as the life-at-risk model reads it (a hash of its name), or 0 when the model does not read it.</summary>
    internal uint[] ModelClasses { get; }

    /// <summary>Which indicators are parts of combinations (concepts and means), always looked for at each token.</summary>
    internal bool[] Parts { get; }

    private int IndexOf(string name)
    {
        for (var i = 0; i < Indicators.Count; i++)
        {
            if (string.Equals(Indicators[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    /// <summary>A combination indicator (by index) and the indicators that must be found within <paramref name="Within"/> words of each other.</summary>
    internal sealed record Combination(int Indicator, int[] Parts, int Within);

    public CategoryGrading GradingOf(TriageCategory category) => gradings[category];

    public bool IsAppeal(string? parentPurpose)
    {
        if (parentPurpose is null)
            return false;
        foreach (var appeal in AppealParents)
        {
            if (string.Equals(appeal, parentPurpose, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
