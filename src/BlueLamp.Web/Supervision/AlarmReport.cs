using BlueLamp.Core.Audit;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Supervision;

/// <summary>
/// Life-at-risk alarms raised over a period and how many of them operators overturned, by what raised them (rules, the
/// model by version, context, operators, referrals): each source's false-alarm rate in production, the evidence for the
/// force's life-at-risk model switch. A false alarm here is one an operator judged false; an alarm still standing may
/// be true or not yet reviewed. Every read is audited.
/// </summary>
public sealed class AlarmReport(BlueLampDbFactory dbs, AuditTrail audit)
{
    /// <summary>Who reads it: supervisors, and administrators, who decide the life-at-risk model switch on it.</summary>
    public const string Roles = Core.Identity.Roles.Supervisor + "," + Core.Identity.Roles.Administrator;

    /// <summary>The longest period one report covers.</summary>
    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(366);

    /// <summary>The alarms raised from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive); refused, unaudited, for a period that is not one.</summary>
    public async Task<(AlarmReportView? Report, DeskResult Result)> ForPeriodAsync(DeskUser user, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (from is not { } start || to is not { } end)
            return (null, DeskResult.Refused("Give the period: from and to.", "from"));
        if (end <= start)
            return (null, DeskResult.Refused("The period must end after it starts.", "to"));
        if (end - start > LongestPeriod)
            return (null, DeskResult.Refused($"Report at most {LongestPeriod.TotalDays:0} days at a time.", "from"));

        await using var db = dbs.ForForce(user.ForceId);
        var rows = await db.RaisedAlarms.AsNoTracking()
            .Where(a => a.RaisedAt >= start && a.RaisedAt < end)
            .GroupBy(a => new { a.Source, a.ModelVersion })
            .Select(g => new { g.Key.Source, g.Key.ModelVersion, Raised = g.Count(), Overturned = g.Count(a => a.OverturnedAt != null) })
            .ToListAsync(cancellationToken);
        var lines = rows
            .Select(r => new AlarmReportLine(r.Source, r.Source.Describe() + (r.ModelVersion is { } v ? $" {v}" : ""), r.ModelVersion, r.Raised, r.Overturned))
            .OrderBy(l => l.Source).ThenBy(l => l.ModelVersion, StringComparer.Ordinal)
            .ToList();
        var report = new AlarmReportView(start, end, lines);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.AlarmReportViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            $"{start:u} to {end:u}: {report.Raised} alarms raised, {report.Overturned} overturned"), cancellationToken);
        return (report, DeskResult.Done());
    }
}

/// <summary>Alarms raised in a period and overturned, per source.</summary>
public sealed record AlarmReportView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AlarmReportLine> Lines)
{
    public int Raised => Lines.Sum(l => l.Raised);

    public int Overturned => Lines.Sum(l => l.Overturned);
}

/// <summary>One source's alarms: how many were raised, how many operators overturned, and the share overturned.</summary>
public sealed record AlarmReportLine(AlarmSource Source, string Name, string? ModelVersion, int Raised, int Overturned)
{
    public int Standing => Raised - Overturned;

    /// <summary>Overturned / raised: the share of this source's alarms that operators judged false so far.</summary>
    public double OverturnedShare => Raised == 0 ? 0 : (double)Overturned / Raised;
}
