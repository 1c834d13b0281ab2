namespace BlueLamp.Core.Triage;

/// <summary>What a message is about, as far as policing is concerned. Stored and exchanged by its snake_case code (see <see cref="TriageCategoryCodes"/>).</summary>
public enum TriageCategory
{
    SuicideOrSelfHarm = 1,
    ViolenceInProgress = 2,
    DomesticAbuse = 3,
    ChildAtRisk = 4,
    MissingPerson = 5,
    Sighting = 6,
    HateCrime = 7,
    SexualOffence = 8,
    Fraud = 9,
    CrimeReport = 10,
    AntisocialBehaviour = 11,
    Road = 12,
    Enquiry = 13,
    Complaint = 14,
    Feedback = 15,
    AbuseOfPolice = 16,
    Spam = 17,
    NotAPoliceMatter = 18,
}
