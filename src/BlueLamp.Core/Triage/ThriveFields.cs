namespace BlueLamp.Core.Triage;

/// <summary>What the operator writes in the THRIVE form.</summary>
public sealed record ThriveFields(
    string Threat,
    string Harm,
    string Risk,
    string Investigation,
    string Vulnerability,
    string Engagement,
    string Rationale)
{
    public static ThriveFields Empty { get; } = new("", "", "", "", "", "", "");
}
