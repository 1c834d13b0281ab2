using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// An operator's THRIVE assessment of a conversation (threat, harm, risk, investigation, vulnerability,
/// engagement) with the grade they set and why. Kept forever: the desk's decisions must be defensible later.
/// </summary>
public sealed class ThriveAssessment : IForceOwned
{
    public const int MaxFieldLength = 2000;

    private ThriveAssessment()
    {
        Threat = Harm = Risk = Investigation = Vulnerability = Engagement = Rationale = AssessedByUserId = AssessedByName = "";
    }

    private ThriveAssessment(Guid id, Guid forceId, Guid conversationId, ThriveFields fields, Grade grade, Grade? previousGrade,
        string assessedByUserId, string assessedByName, DateTimeOffset assessedAt)
    {
        Id = id;
        ForceId = forceId;
        ConversationId = conversationId;
        Threat = fields.Threat.Trim();
        Harm = fields.Harm.Trim();
        Risk = fields.Risk.Trim();
        Investigation = fields.Investigation.Trim();
        Vulnerability = fields.Vulnerability.Trim();
        Engagement = fields.Engagement.Trim();
        Rationale = fields.Rationale.Trim();
        Grade = grade;
        PreviousGrade = previousGrade;
        AssessedByUserId = assessedByUserId;
        AssessedByName = assessedByName;
        AssessedAt = assessedAt;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid ConversationId { get; private set; }

    public string Threat { get; private set; }

    public string Harm { get; private set; }

    public string Risk { get; private set; }

    public string Investigation { get; private set; }

    public string Vulnerability { get; private set; }

    public string Engagement { get; private set; }

    /// <summary>Why the operator graded it so; required, and the reason for any change of grade.</summary>
    public string Rationale { get; private set; }

    public Grade Grade { get; private set; }

    /// <summary>The grade before this assessment (the engine's or an earlier operator's); null when there was none.</summary>
    public Grade? PreviousGrade { get; private set; }

    public string AssessedByUserId { get; private set; }

    public string AssessedByName { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    /// <summary>Checks the six fields and the rationale; returns the errors by field, or the assessment.</summary>
    public static (ThriveAssessment? Assessment, IReadOnlyDictionary<string, string> Errors) Record(
        Guid id, Guid forceId, Guid conversationId, ThriveFields fields, Grade? grade, Grade? previousGrade,
        string assessedByUserId, string assessedByName, DateTimeOffset assessedAt)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Require(errors, nameof(ThriveFields.Threat), fields.Threat, "Describe the threat (or write \"none identified\").");
        Require(errors, nameof(ThriveFields.Harm), fields.Harm, "Describe the harm (or write \"none identified\").");
        Require(errors, nameof(ThriveFields.Risk), fields.Risk, "Describe the risk.");
        Require(errors, nameof(ThriveFields.Investigation), fields.Investigation, "Say what investigation is needed, if any.");
        Require(errors, nameof(ThriveFields.Vulnerability), fields.Vulnerability, "Describe any vulnerability (or write \"none identified\").");
        Require(errors, nameof(ThriveFields.Engagement), fields.Engagement, "Say how the force will engage.");
        Require(errors, nameof(ThriveFields.Rationale), fields.Rationale,
            previousGrade is { } before && grade is { } after && before != after
                ? $"Give the reason for changing the grade from {(int)before} to {(int)after}."
                : "Give the rationale for this grade.");
        if (grade is null || !Enum.IsDefined(grade.Value))
            errors["Grade"] = "Choose a grade from 1 to 4.";
        return errors.Count > 0
            ? (null, errors)
            : (new ThriveAssessment(id, forceId, conversationId, fields, grade!.Value, previousGrade, assessedByUserId, assessedByName, assessedAt), errors);
    }

    private static void Require(Dictionary<string, string> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[field] = message;
        else if (value.Trim().Length > MaxFieldLength)
            errors[field] = $"Keep this to {MaxFieldLength} characters.";
    }
}
