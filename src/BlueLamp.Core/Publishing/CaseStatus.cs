namespace BlueLamp.Core.Publishing;

/// <summary>Where the case behind an appeal stands; a change prompts what must happen to the appeal's copies.</summary>
public enum CaseStatus
{
    Open = 1,
    SuspectIdentified = 2,
    /// <summary>Arrested or a warrant executed: proceedings are active under the Contempt of Court Act 1981.</summary>
    Arrested = 3,
    Charged = 4,
    /// <summary>The missing person is found.</summary>
    Found = 5,
    Closed = 6,
}
