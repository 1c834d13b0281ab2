namespace BlueLamp.Core.Triage;

/// <summary>Why a category phrase that was found did not count in full. Shown beside the hit so an operator sees what the engine discounted.</summary>
public enum Discount
{
    /// <summary>Counted in full.</summary>
    None = 0,

    /// <summary>A negation closely before it in the same clause ("I'd never ...").</summary>
    Negated = 1,

    /// <summary>Part of a figure of speech.</summary>
    Idiom = 2,

    /// <summary>Hyperbole marked as a joke, or a joke about a trivial cause.</summary>
    Joke = 3,

    /// <summary>Fiction, study or a thought experiment.</summary>
    Hypothetical = 4,

    /// <summary>In the past: counts for the category, not for life at risk.</summary>
    Past = 5,

    /// <summary>A sighting with no appeal to be a sighting for.</summary>
    NoAppeal = 6,

    /// <summary>A phrase that counts only beside another indicator of the category it requires, found alone.</summary>
    WithoutCompanion = 7,

    /// <summary>Loose talk (hyperbole) of a category whose threat to life the writer denies in the same message ("not suicidal but …").</summary>
    Denied = 8,
}
