using System.Text.Json.Serialization;

namespace BlueLamp.Web.Triage;

/// <summary>
/// The JSON body a handover is sent to command and control in (version 1; docs/command-and-control.md). Fields are only
/// ever added within a version; a change that would break a receiver gets a new <see cref="Schema"/>.
/// </summary>
public sealed record HandoverMessage(
    string Schema,
    Guid HandoverId,
    HandoverMessage.ForcePart Force,
    string Reason,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    DateTimeOffset SentAt,
    HandoverMessage.PersonPart Person,
    HandoverMessage.WherePart Where,
    IReadOnlyList<HandoverMessage.SaidPart> Said,
    HandoverMessage.AssessmentPart? Assessment,
    HandoverMessage.DeskPart Desk,
    string Summary)
{
    public const string Version1 = "bluelamp.handover.v1";

    /// <summary>The most recent messages from the person that are sent, oldest first.</summary>
    public const int MaxSaid = 20;

    public sealed record ForcePart(Guid Id, string Slug, string Name);

    /// <summary>Who: the name they gave and how to find them on the platform.</summary>
    public sealed record PersonPart(string DisplayName, string Platform, string PlatformUserId, string? ProfileUrl, string Language);

    /// <summary>Where they wrote (the force's account and its area); <c>Location</c> is null until BlueLamp knows where the person is.</summary>
    public sealed record WherePart(string Account, string AccountHandle, string Platform, string ConversationKind, string? AccountArea, string? Location);

    public sealed record SaidPart(DateTimeOffset SentAt, string Text);

    public sealed record AssessmentPart(
        int Grade, bool LifeAtRisk, string Category, double Score, string PersonAtRisk, string EngineVersion, string IndicatorSetVersion,
        DateTimeOffset AssessedAt, IReadOnlyList<IndicatorPart> Indicators);

    public sealed record IndicatorPart(string Name, string? Category, string Text, double Weight, bool LifeThreatening, string Discount);

    /// <summary>Where the desk stands now: its grade, whether a life is at risk, and the conversation's id in BlueLamp.</summary>
    public sealed record DeskPart(Guid ConversationId, int? Grade, bool LifeAtRisk);
}

/// <summary>What command and control answers a delivered handover with; every field optional.</summary>
public sealed record HandoverReceipt([property: JsonPropertyName("incidentNumber")] string? IncidentNumber);
