namespace BlueLamp.Core.Triage;

/// <summary>The national contact grading: how fast the police must respond.</summary>
public enum Grade
{
    /// <summary>Immediate threat to life or serious harm.</summary>
    Emergency = 1,

    /// <summary>A vulnerable person, safeguarding, or a crime or sighting where time matters.</summary>
    Priority = 2,

    /// <summary>Needs police action, but not urgently.</summary>
    Scheduled = 3,

    /// <summary>Resolved without deployment: enquiries, feedback, chatter, abuse, spam.</summary>
    ResolvedWithoutDeployment = 4,
}
