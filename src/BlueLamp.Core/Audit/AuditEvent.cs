using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Audit;

/// <summary>
/// One entry of a force's append-only audit trail. Each entry carries the SHA-256 of the entry before it,
/// so editing or deleting any past entry breaks the chain.
/// </summary>
public sealed class AuditEvent : IForceOwned
{
    private AuditEvent() { ActorName = ""; Action = ""; PreviousHash = ""; Hash = ""; }

    internal AuditEvent(
        Guid forceId, long sequence, DateTimeOffset at, string? actorId, string actorName, string action,
        string? subjectType, string? subjectId, string? detail, string previousHash)
    {
        ForceId = forceId;
        Sequence = sequence;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Detail = detail;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    /// <summary>Storage key; the chain is ordered by <see cref="Sequence"/>, not by this.</summary>
    public long Id { get; private set; }

    public Guid ForceId { get; private set; }

    /// <summary>1, 2, 3… within the force, without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The user's id; null for the system or the public.</summary>
    public string? ActorId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>What was done, one of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    public string? SubjectType { get; private set; }

    public string? SubjectId { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>Hex SHA-256 of the previous entry of this force; 64 zeros for the first.</summary>
    public string PreviousHash { get; private set; }

    /// <summary>Hex SHA-256 of this entry's fields and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; private set; }
}
