namespace BlueLamp.Core.Contact;

/// <summary>How a conversation ended, counted by Insights. Codes are stable; labels are for people.</summary>
public sealed record Outcome(string Code, string Label)
{
    public static readonly Outcome AdviceGiven = new("advice_given", "Advice given");
    public static readonly Outcome Signposted = new("signposted", "Signposted to another service");
    public static readonly Outcome CrimeReported = new("crime_reported", "Crime reported");
    public static readonly Outcome IncidentRaised = new("incident_raised", "Incident raised");
    public static readonly Outcome HandedToControlRoom = new("handed_to_control_room", "Handed to the control room");
    public static readonly Outcome InformationPassed = new("information_passed_to_investigation", "Information passed to investigation");
    public static readonly Outcome VictimSupported = new("victim_supported", "Victim supported");
    public static readonly Outcome HarmPrevented = new("harm_prevented", "Harm prevented");
    public static readonly Outcome ConcernUnderstood = new("concern_understood", "Concern understood");
    public static readonly Outcome Duplicate = new("duplicate", "Duplicate of another contact");
    public static readonly Outcome NoActionAbuseOrSpam = new("no_action_abuse_spam", "No action: abuse or spam");

    public static readonly IReadOnlyList<Outcome> All =
    [
        AdviceGiven, Signposted, CrimeReported, IncidentRaised, HandedToControlRoom, InformationPassed,
        VictimSupported, HarmPrevented, ConcernUnderstood, Duplicate, NoActionAbuseOrSpam,
    ];

    public static Outcome? Find(string? code) => All.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
}
