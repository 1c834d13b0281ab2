namespace BlueLamp.Core.Publishing;

/// <summary>
/// The SIO's or OIC's decision on an appeal, as recorded: who decided (name and role), the rationale and the risk
/// assessment, and who recorded it in BlueLamp and when.
/// </summary>
public sealed record AppealAuthorisation(
    AuthorisationDecision Decision,
    string OfficerName,
    string OfficerRole,
    string Rationale,
    string RiskAssessment,
    string RecordedById,
    string RecordedByName,
    DateTimeOffset RecordedAt)
{
    public static IReadOnlyList<string> OfficerRoles { get; } = ["SIO", "OIC"];

    /// <summary>The fields that are missing or wrong, by field name; empty when the record is complete.</summary>
    public IReadOnlyList<PostProblem> Problems()
    {
        var problems = new List<PostProblem>();
        if (string.IsNullOrWhiteSpace(OfficerName))
            problems.Add(new PostProblem("officerName", "Name the officer who decided (rank, number and name)."));
        if (!OfficerRoles.Contains(OfficerRole))
            problems.Add(new PostProblem("officerRole", "Say whether they are the senior investigating officer (SIO) or the officer in charge (OIC)."));
        if (string.IsNullOrWhiteSpace(Rationale) || Rationale.Trim().Length < 10)
            problems.Add(new PostProblem("rationale", "Record the rationale: why publishing helps the investigation."));
        if (string.IsNullOrWhiteSpace(RiskAssessment) || RiskAssessment.Trim().Length < 10)
            problems.Add(new PostProblem("riskAssessment", "Record the risk assessment: risks to the person, the public and the case."));
        return problems;
    }
}
