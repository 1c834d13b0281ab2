using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>The SIO's or OIC's decision on an appeal as a comms officer records it.</summary>
public sealed record AuthorisationInput(AuthorisationDecision Decision, string? OfficerName, string? OfficerRole, string? Rationale, string? RiskAssessment);
