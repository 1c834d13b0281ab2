namespace BlueLamp.Core.Triage;

/// <summary>
/// The automatic part of a RiskAssessment: what the engine suggests for one message and why. It never
/// lowers anything an operator decided; the desk stores it beside the human assessment.
/// </summary>
/// <param name="Grade">The suggested grade.</param>
/// <param name="LifeAtRisk">Someone's life may be in danger: raise the alarm and hand over to the control room.</param>
/// <param name="Category">What the message is about.</param>
/// <param name="Score">Strength of the evidence, 0–1: the counted weights of the chosen category's indicators (or the life-at-risk evidence when life is at risk), capped at 1.</param>
/// <param name="LifeScore">The life-at-risk evidence, 0–1, compared with the indicator set's threshold.</param>
/// <param name="PersonAtRisk">Whose safety the message is about, as far as the words say.</param>
/// <param name="Language">"cy" for Welsh or "en" for English: the language to answer in.</param>
/// <param name="Indicators">Every indicator that fired, in the order found in the text, with discounted ones marked.</param>
/// <param name="EngineVersion">The version of the combining logic that made this assessment.</param>
/// <param name="IndicatorSetVersion">The version of the indicator set it used.</param>
/// <param name="LifeAtRiskModelVersion">The version of the life-at-risk model the engine read the message with; null when the force assesses with the rules alone.</param>
public sealed record RiskAssessmentResult(
    Grade Grade,
    bool LifeAtRisk,
    TriageCategory Category,
    double Score,
    double LifeScore,
    PersonAtRisk PersonAtRisk,
    string Language,
    IReadOnlyList<IndicatorHit> Indicators,
    string EngineVersion,
    string IndicatorSetVersion,
    string? LifeAtRiskModelVersion = null)
{
    /// <summary>What raised life at risk (the rules, the model, or the context); null when it is not life at risk.</summary>
    public AlarmSource? RaisedBy { get; init; }
}
