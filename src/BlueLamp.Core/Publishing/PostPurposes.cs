namespace BlueLamp.Core.Publishing;

/// <summary>Names and groupings of <see cref="PostPurpose"/> as people read them.</summary>
public static class PostPurposes
{
    public static IReadOnlyList<PostPurpose> All { get; } = Enum.GetValues<PostPurpose>();

    /// <summary>Appeals are tied to a case, need the SIO's or OIC's authorisation and have a life cycle.</summary>
    public static bool IsAppeal(this PostPurpose purpose) =>
        purpose is PostPurpose.CrimeAppeal or PostPurpose.WantedAppeal or PostPurpose.MissingPersonAppeal;

    /// <summary>
    /// The purpose as triage names a comment's parent post (<see cref="Triage.TriageContext.ParentPurpose"/>): a sighting
    /// under a <c>missing_person</c>, <c>wanted</c> or <c>crime_appeal</c> post is urgent.
    /// </summary>
    public static string TriageCode(this PostPurpose purpose) => purpose switch
    {
        PostPurpose.IncidentUpdate => "incident_update",
        PostPurpose.CrimeAppeal => "crime_appeal",
        PostPurpose.WantedAppeal => "wanted",
        PostPurpose.MissingPersonAppeal => "missing_person",
        PostPurpose.Prevention => "prevention",
        PostPurpose.Reassurance => "reassurance",
        PostPurpose.Insight => "insight",
        PostPurpose.Recruitment => "recruitment",
        PostPurpose.Event => "event",
        _ => purpose.ToString().ToLowerInvariant(),
    };

    public static string Describe(this PostPurpose purpose) => purpose switch
    {
        PostPurpose.IncidentUpdate => "Incident update",
        PostPurpose.CrimeAppeal => "Crime appeal",
        PostPurpose.WantedAppeal => "Wanted appeal",
        PostPurpose.MissingPersonAppeal => "Missing-person appeal",
        PostPurpose.Prevention => "Prevention",
        PostPurpose.Reassurance => "Reassurance",
        PostPurpose.Insight => "Insight",
        PostPurpose.Recruitment => "Recruitment",
        PostPurpose.Event => "Event",
        _ => purpose.ToString(),
    };
}
