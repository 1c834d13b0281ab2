namespace BlueLamp.Core.Triage;

/// <summary>An indicator that fired on a message, with the text it matched, so an operator can see why the engine graded as it did.</summary>
/// <param name="Name">The indicator's name.</param>
/// <param name="Role">What it contributes.</param>
/// <param name="Category">The category it is evidence for, for category indicators.</param>
/// <param name="Start">Where the matched text starts in the original message (UTF-16 index).</param>
/// <param name="Length">How long the matched text is in the original message.</param>
/// <param name="Text">The matched text, as the person wrote it.</param>
/// <param name="Weight">The indicator's weight.</param>
/// <param name="LifeThreatening">The phrase is evidence of a threat to life.</param>
/// <param name="Discount">Why it did not count in full, or <see cref="Discount.None"/>.</param>
public sealed record IndicatorHit(
    string Name,
    IndicatorRole Role,
    TriageCategory? Category,
    int Start,
    int Length,
    string Text,
    double Weight,
    bool LifeThreatening,
    Discount Discount);
