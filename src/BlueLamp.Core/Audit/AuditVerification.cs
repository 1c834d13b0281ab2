namespace BlueLamp.Core.Audit;

/// <summary>The result of checking a force's audit chain: intact, or where it first breaks and why.</summary>
public sealed record AuditVerification(int CheckedCount, long? BrokenSequence, long? BrokenEventId, string? Reason)
{
    public bool IsIntact => Reason is null;

    public static AuditVerification Intact(int checkedCount) => new(checkedCount, null, null, null);

    public static AuditVerification Broken(int checkedCount, AuditEvent at, string reason) =>
        new(checkedCount, at.Sequence, at.Id, reason);

    public static AuditVerification Truncated(int checkedCount, long headSequence, long lastSequence) =>
        new(checkedCount, lastSequence + 1, null,
            $"the trail ends at entry {lastSequence} but its head records entry {headSequence} (entries were removed from the end, or the head was altered)");
}
