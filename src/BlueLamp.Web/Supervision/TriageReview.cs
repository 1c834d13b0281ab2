using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Supervision;

/// <summary>
/// Where operators and the engine disagreed: every THRIVE assessment whose grade differs from the engine's
/// suggestion for that conversation. This is what the indicator set is improved from.
/// </summary>
public sealed class TriageReview(BlueLampDbFactory dbs)
{
    public async Task<IReadOnlyList<Disagreement>> RecentAsync(Guid forceId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var rows = await (
                from t in db.ThriveAssessments.AsNoTracking()
                join c in db.Conversations on t.ConversationId equals c.Id
                where c.EngineGrade != null && c.EngineGrade != t.Grade
                orderby t.AssessedAt descending
                select new { t.ConversationId, EngineGrade = c.EngineGrade!.Value, OperatorGrade = t.Grade, c.CategoryCode, t.Rationale, t.AssessedByName, t.AssessedAt, c.Preview })
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Disagreement(r.ConversationId, r.EngineGrade, r.OperatorGrade, r.CategoryCode, r.Rationale, r.AssessedByName, r.AssessedAt, r.Preview)).ToList();
    }
}

/// <summary>One operator decision that differed from the engine's grade.</summary>
public sealed record Disagreement(Guid ConversationId, Grade EngineGrade, Grade OperatorGrade, string? CategoryCode, string Rationale,
    string OperatorName, DateTimeOffset AssessedAt, string Preview)
{
    /// <summary>The engine graded it less urgent than the operator: a possible missed risk, the costlier error.</summary>
    public bool EngineUnderGraded => EngineGrade > OperatorGrade;
}
