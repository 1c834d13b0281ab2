using BlueLamp.Core.Audit;
using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data.Audit;

/// <summary>Reads each force's audit trail back from the database and checks its chain.</summary>
public sealed class AuditVerifier(BlueLampDbFactory dbs)
{
    public async Task<IReadOnlyList<ForceAuditVerification>> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        List<Force> forces;
        await using (var db = dbs.Unscoped())
            forces = await db.Forces.AsNoTracking().OrderBy(f => f.Slug).ToListAsync(cancellationToken);

        var results = new List<ForceAuditVerification>(forces.Count);
        foreach (var force in forces)
            results.Add(new ForceAuditVerification(force.Slug, force.Name, await VerifyAsync(force.Id, cancellationToken)));
        return results;
    }

    public async Task<AuditVerification> VerifyAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var events = db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var buffered = new List<AuditEvent>();
        await foreach (var e in events.WithCancellation(cancellationToken))
            buffered.Add(e);
        return AuditChain.Verify(buffered, head);
    }
}

/// <summary>The audit chain check of one force.</summary>
public sealed record ForceAuditVerification(string ForceSlug, string ForceName, AuditVerification Result);
