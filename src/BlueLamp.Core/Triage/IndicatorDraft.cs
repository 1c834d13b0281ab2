namespace BlueLamp.Core.Triage;

/// <summary>
/// One indicator as an administrator edits it, in the indicator set file's own words (codes, not enums), so that an
/// edit is written back into the file exactly as a person would have written it. See <see cref="Indicator"/> for what each field means.
/// </summary>
/// <param name="Name">Stable dotted name, e.g. <c>suicide.cant_go_on</c>.</param>
/// <param name="Role">An <see cref="IndicatorCodes"/> role code, e.g. <c>category</c>, <c>immediacy</c>, <c>negation</c>.</param>
/// <param name="Category">For a category indicator, its <see cref="TriageCategoryCodes"/> code.</param>
/// <param name="Weight">0–1.</param>
/// <param name="Life">Evidence of a threat to life.</param>
/// <param name="Hyperbole">Often said as a figure of speech, so a joke marker discounts it.</param>
/// <param name="Supporting">Adds to life-at-risk evidence but never sets the category on its own.</param>
/// <param name="Subject"><c>self</c>, <c>other</c>, <c>child</c>, or null.</param>
/// <param name="Grade">The grade it implies on its own (1–4), or null.</param>
/// <param name="Phrases">Its phrases in the set's phrase syntax; none for a combination.</param>
/// <param name="Requires">A category code it only counts beside, or null.</param>
/// <param name="Combines">For a combination, the names of the indicators it combines; otherwise empty.</param>
/// <param name="Within">For a combination, the most words its parts may span (2–24); otherwise 0.</param>
/// <param name="Note">The administrator's note on why it is there, kept in the file.</param>
public sealed record IndicatorDraft(
    string Name,
    string Role,
    string? Category,
    double Weight,
    bool Life,
    bool Hyperbole,
    bool Supporting,
    string? Subject,
    int? Grade,
    IReadOnlyList<string> Phrases,
    string? Requires,
    IReadOnlyList<string> Combines,
    int Within,
    string? Note)
{
    /// <summary>A new category indicator with nothing filled in.</summary>
    public static IndicatorDraft Blank { get; } = new("", IndicatorRole.Category.ToCode(), null, 0.5, false, false, false, null, null, [], null, [], 0, null);

    public bool IsCombination => Combines.Count > 0;
}
