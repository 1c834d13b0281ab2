namespace BlueLamp.Core.Publishing;

/// <summary>Names and groupings of <see cref="PostPurpose"/> as people read them.</summary>
public static class PostPurposes
{
    public static IReadOnlyList<PostPurpose> All { get; } = Enum.GetValues<PostPurpose>();

    /// <summary>Appeals are tied to a case, need the SIO's or OIC's authorisation and have a life cycle.</summary>
    public static bool IsAppeal(this PostPurpose purpose) =>
        purpose is PostPurpose.CrimeAppeal or PostPurpose.WantedAppeal or PostPurpose.MissingPersonAppeal;

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
