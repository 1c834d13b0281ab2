namespace BlueLamp.Core.Publishing;

/// <summary>What a post is for: the policing purpose it serves, which decides its rules and how it is measured.</summary>
public enum PostPurpose
{
    IncidentUpdate = 1,
    CrimeAppeal = 2,
    WantedAppeal = 3,
    MissingPersonAppeal = 4,
    Prevention = 5,
    Reassurance = 6,
    Insight = 7,
    Recruitment = 8,
    Event = 9,
}
