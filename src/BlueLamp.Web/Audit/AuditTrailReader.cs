using BlueLamp.Core.Audit;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Audit;

/// <summary>Searches a force's audit trail for the auditor.</summary>
public sealed class AuditTrailReader(BlueLampDbFactory dbs)
{
    public const int PageSize = 200;

    /// <summary>The newest entries first, optionally only those whose action, actor, subject or detail contains <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<AuditEvent>> SearchAsync(Guid forceId, string? search, int limit = PageSize, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(e => e.Action.Contains(s) || e.ActorName.Contains(s) || (e.SubjectId != null && e.SubjectId.Contains(s)) || (e.Detail != null && e.Detail.Contains(s)));
        }
        return await query.OrderByDescending(e => e.Sequence).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Every entry in chain order, for export.</summary>
    public async IAsyncEnumerable<AuditEvent> ReadAllAsync(Guid forceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return e;
    }
}
