namespace BlueLamp.Core.Triage;

/// <summary>
/// The words an indicator set file uses for an indicator's <see cref="IndicatorRole"/> and <see cref="PersonAtRisk"/>
/// ("subject_other", "child"). Written into files that forces keep, so a code never changes once shipped.
/// </summary>
public static class IndicatorCodes
{
    private static readonly (IndicatorRole Role, string Code)[] RolePairs =
    [
        (IndicatorRole.Category, "category"),
        (IndicatorRole.Immediacy, "immediacy"),
        (IndicatorRole.Means, "means"),
        (IndicatorRole.Nearby, "nearby"),
        (IndicatorRole.Negation, "negation"),
        (IndicatorRole.Hypothetical, "hypothetical"),
        (IndicatorRole.HypotheticalQuestion, "hypothetical_question"),
        (IndicatorRole.Past, "past"),
        (IndicatorRole.Joke, "joke"),
        (IndicatorRole.NotJoking, "not_joking"),
        (IndicatorRole.TrivialTrigger, "trivial_trigger"),
        (IndicatorRole.Idiom, "idiom"),
        (IndicatorRole.SubjectOther, "subject_other"),
        (IndicatorRole.SubjectChild, "subject_child"),
        (IndicatorRole.AppealReference, "appeal_reference"),
        (IndicatorRole.Concept, "concept"),
    ];

    private static readonly (PersonAtRisk Subject, string Code)[] SubjectPairs =
    [
        (PersonAtRisk.Self, "self"),
        (PersonAtRisk.SomeoneElse, "other"),
        (PersonAtRisk.Child, "child"),
    ];

    /// <summary>Every role, category indicators first.</summary>
    public static IReadOnlyList<IndicatorRole> Roles { get; } = RolePairs.Select(p => p.Role).ToArray();

    public static string ToCode(this IndicatorRole role)
    {
        foreach (var (r, code) in RolePairs)
            if (r == role)
                return code;
        throw new ArgumentOutOfRangeException(nameof(role), role, "Not an indicator role.");
    }

    /// <summary>A role code; a missing one (null) is a category indicator, as in the file.</summary>
    public static bool TryParseRole(string? code, out IndicatorRole role) => TryFind(RolePairs, code, IndicatorRole.Category, out role);

    /// <summary>"self", "other", "child", or null when the words do not say.</summary>
    public static string? ToCode(this PersonAtRisk subject)
    {
        foreach (var (s, code) in SubjectPairs)
            if (s == subject)
                return code;
        return null;
    }

    /// <summary>A subject code; a missing one (null) means the words do not say.</summary>
    public static bool TryParseSubject(string? code, out PersonAtRisk subject) => TryFind(SubjectPairs, code, PersonAtRisk.Unknown, out subject);

    private static bool TryFind<T>((T Value, string Code)[] pairs, string? code, T whenMissing, out T value)
    {
        value = whenMissing;
        if (code is null)
            return true;
        foreach (var (known, knownCode) in pairs)
        {
            if (string.Equals(knownCode, code, StringComparison.Ordinal))
            {
                value = known;
                return true;
            }
        }
        return false;
    }

    /// <summary>A code as words for a person: "subject_other" → "subject other".</summary>
    public static string Words(string code) => (code ?? "").Replace('_', ' ');
}
