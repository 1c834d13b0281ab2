using System.Text.Json;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// The engine's assessment of one inbound message, kept as it was made: the grade, category and indicators,
/// and the engine and indicator-set versions, so a supervisor can defend (or correct) it later.
/// </summary>
public sealed class RiskAssessment : IForceOwned
{
    private RiskAssessment() { CategoryCode = ""; Language = "en"; IndicatorsJson = "[]"; EngineVersion = ""; IndicatorSetVersion = ""; }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid ConversationId { get; private set; }

    public Guid MessageId { get; private set; }

    public Grade Grade { get; private set; }

    public bool LifeAtRisk { get; private set; }

    /// <summary>The stable snake_case code of the category (see <see cref="TriageCategoryCodes"/>).</summary>
    public string CategoryCode { get; private set; }

    public double Score { get; private set; }

    public PersonAtRisk PersonAtRisk { get; private set; }

    /// <summary>"cy" or "en".</summary>
    public string Language { get; private set; }

    /// <summary>The indicators that fired, with the matched text and its position, as JSON.</summary>
    public string IndicatorsJson { get; private set; }

    public string EngineVersion { get; private set; }

    public string IndicatorSetVersion { get; private set; }

    /// <summary>
    /// The life-at-risk model the engine read the message with (its version); null when the force had the model switched
    /// off and the rules alone assessed it. Whether the model raised it shows as its indicator, <c>model:life-at-risk</c>.
    /// </summary>
    public string? LifeAtRiskModelVersion { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    public static RiskAssessment Record(Guid id, Guid forceId, Guid conversationId, Guid messageId, RiskAssessmentResult result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RiskAssessment
        {
            Id = id,
            ForceId = forceId,
            ConversationId = conversationId,
            MessageId = messageId,
            Grade = result.Grade,
            LifeAtRisk = result.LifeAtRisk,
            CategoryCode = result.Category.ToCode(),
            Score = Math.Round(result.Score, 4),
            PersonAtRisk = result.PersonAtRisk,
            Language = result.Language,
            IndicatorsJson = JsonSerializer.Serialize(result.Indicators.Select(StoredIndicator.From)),
            EngineVersion = result.EngineVersion,
            IndicatorSetVersion = result.IndicatorSetVersion,
            LifeAtRiskModelVersion = result.LifeAtRiskModelVersion,
            AssessedAt = at,
        };
    }

    /// <summary>The indicators as stored, for showing the operator what fired and where.</summary>
    public IReadOnlyList<StoredIndicator> Indicators() =>
        JsonSerializer.Deserialize<List<StoredIndicator>>(IndicatorsJson) ?? [];
}

/// <summary>One indicator of a stored assessment: the matched text, where it is in the message, and whether it counted in full.</summary>
public sealed record StoredIndicator(string Name, string? Category, int Start, int Length, string Text, double Weight, bool LifeThreatening, string Discount)
{
    public static StoredIndicator From(IndicatorHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new(hit.Name, hit.Category?.ToCode(), hit.Start, hit.Length, hit.Text, hit.Weight, hit.LifeThreatening, hit.Discount.ToString());
    }
}
