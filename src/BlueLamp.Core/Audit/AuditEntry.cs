namespace BlueLamp.Core.Audit;

/// <summary>What is to be written to the audit trail: who did what to which record.</summary>
public sealed record AuditEntry(
    string Action,
    string? ActorId,
    string ActorName,
    string? SubjectType = null,
    string? SubjectId = null,
    string? Detail = null);
