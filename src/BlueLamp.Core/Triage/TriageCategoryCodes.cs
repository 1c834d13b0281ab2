using System.Diagnostics.CodeAnalysis;

namespace BlueLamp.Core.Triage;

/// <summary>
/// The stable snake_case codes of <see cref="TriageCategory"/>. These codes are written into indicator set
/// files, the CLI's output and stored assessments, so a code never changes once shipped.
/// </summary>
public static class TriageCategoryCodes
{
    private static readonly (TriageCategory Category, string Code)[] Pairs =
    [
        (TriageCategory.SuicideOrSelfHarm, "suicide_self_harm"),
        (TriageCategory.ViolenceInProgress, "violence_in_progress"),
        (TriageCategory.DomesticAbuse, "domestic_abuse"),
        (TriageCategory.ChildAtRisk, "child_at_risk"),
        (TriageCategory.MissingPerson, "missing_person"),
        (TriageCategory.Sighting, "sighting"),
        (TriageCategory.HateCrime, "hate_crime"),
        (TriageCategory.SexualOffence, "sexual_offence"),
        (TriageCategory.Fraud, "fraud"),
        (TriageCategory.CrimeReport, "crime_report"),
        (TriageCategory.AntisocialBehaviour, "asb"),
        (TriageCategory.Road, "road"),
        (TriageCategory.Enquiry, "enquiry"),
        (TriageCategory.Complaint, "complaint"),
        (TriageCategory.Feedback, "feedback"),
        (TriageCategory.AbuseOfPolice, "abuse_of_police"),
        (TriageCategory.Spam, "spam"),
        (TriageCategory.NotAPoliceMatter, "not_police_matter"),
    ];

    /// <summary>Every category in the order the codes are listed; a tie between categories goes to the earlier one.</summary>
    public static IReadOnlyList<TriageCategory> All { get; } = Pairs.Select(p => p.Category).ToArray();

    public static string ToCode(this TriageCategory category)
    {
        foreach (var (c, code) in Pairs)
            if (c == category)
                return code;
        throw new ArgumentOutOfRangeException(nameof(category), category, "Not a triage category.");
    }

    public static bool TryParse(string? code, [NotNullWhen(true)] out TriageCategory? category)
    {
        foreach (var (c, known) in Pairs)
        {
            if (string.Equals(known, code, StringComparison.Ordinal))
            {
                category = c;
                return true;
            }
        }
        category = null;
        return false;
    }
}
