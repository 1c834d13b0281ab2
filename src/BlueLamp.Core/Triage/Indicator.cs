namespace BlueLamp.Core.Triage;

/// <summary>
/// One named rule of an indicator set: the phrases that trigger it and what it contributes.
/// </summary>
/// <param name="Name">Stable dotted name shown to operators, e.g. <c>suicide.kill_myself</c>.</param>
/// <param name="Role">What the indicator contributes.</param>
/// <param name="Category">For <see cref="IndicatorRole.Category"/> indicators, the category it is evidence for.</param>
/// <param name="Weight">How much it counts, 0–1. Weights of different indicators add up; the same indicator counts once per message.</param>
/// <param name="LifeThreatening">The phrase is evidence of a threat to someone's life.</param>
/// <param name="Hyperbole">People often say it as a figure of speech, so a joke marker ("lol", "😂") discounts it.</param>
/// <param name="Subject">Whom the phrase itself says is at risk, when it says.</param>
/// <param name="Grade">The grade the phrase implies on its own when counted (e.g. "trying to break in" is an emergency), if stricter than its category's.</param>
/// <param name="Phrases">
/// The phrases, normalised as messages are (lower case, accents and apostrophes dropped). Within a phrase,
/// <c>a/b</c> gives alternatives for one word, a trailing <c>?</c> makes a word optional, and a trailing
/// <c>*</c> matches any word starting so (<c>overdos*</c>).
/// </param>
/// <param name="Combines">
/// For a <em>combination</em> indicator, which has no phrases of its own: the names of the indicators (usually
/// <see cref="IndicatorRole.Concept"/> or <see cref="IndicatorRole.Means"/> ones) that must all be found within
/// <paramref name="Within"/> words of each other for it to fire ("took" + "sleeping pills", "jump" + "bridge").
/// Its span runs from the first part to the last, and it is discounted (negation, idiom, joke…) like a phrase.
/// </param>
/// <param name="Within">For a combination, the most words its parts may span, first to last (2–24).</param>
/// <param name="Supporting">
/// Supporting evidence only: it adds to the evidence of a threat to life, but never sets the category on its own
/// ("goodbye", "given my cat to my sister"), so a lone farewell is not filed as suicide.
/// </param>
/// <param name="Requires">
/// A category this phrase only counts beside: when set, the phrase counts (for its category and for life at
/// risk) only if another counted indicator of that category, without a <c>Requires</c> of its own, is found
/// too ("dementia" is a threat to life beside "has gone missing", not on its own).
/// </param>
public sealed record Indicator(
    string Name,
    IndicatorRole Role,
    TriageCategory? Category,
    double Weight,
    bool LifeThreatening,
    bool Hyperbole,
    PersonAtRisk Subject,
    Grade? Grade,
    IReadOnlyList<string> Phrases,
    TriageCategory? Requires = null,
    IReadOnlyList<string>? Combines = null,
    int Within = 0,
    bool Supporting = false)
{
    /// <summary>A combination indicator fires on its parts found together, not on phrases of its own.</summary>
    public bool IsCombination => Combines is { Count: > 0 };
}
