using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Audit;

/// <summary>
/// The latest entry of a force's trail. Appends move it forward one step at a time under optimistic
/// concurrency, which keeps the chain a single line even with several writers, and lets a verifier notice
/// entries cut off the end of the trail.
/// </summary>
public sealed class AuditHead : IForceOwned
{
    private AuditHead() { Hash = AuditChain.GenesisHash; }

    public AuditHead(Guid forceId)
    {
        ForceId = forceId;
        Sequence = 0;
        Hash = AuditChain.GenesisHash;
    }

    public Guid ForceId { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; }

    /// <summary>Makes the next entry of the chain and moves the head onto it.</summary>
    public AuditEvent Append(AuditEntry entry, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action);
        var next = new AuditEvent(
            ForceId, Sequence + 1, AuditChain.Normalise(at), entry.ActorId, entry.ActorName, entry.Action,
            entry.SubjectType, entry.SubjectId, entry.Detail, Hash);
        Sequence = next.Sequence;
        Hash = next.Hash;
        return next;
    }
}
