using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data.Leases;

/// <summary>
/// Counts into a fixed window shared by every node: one <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, on SQLite and
/// PostgreSQL alike, adds one to the window's row (making it when it is the window's first) and says the count, atomically,
/// so two nodes counting at once both see the other's count. No lock is held beyond that one statement, and a statement
/// that cannot get the database within its timeout fails instead of waiting: the caller decides what to do then.
/// </summary>
public static class RateWindows
{
    /// <summary>Rows of windows older than this are deleted when a new window starts; a window is never longer.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private const string Upsert =
        "INSERT INTO rate_windows (\"Name\", \"WindowStart\", \"Count\") VALUES (@name, @start, 1) " +
        "ON CONFLICT (\"Name\", \"WindowStart\") DO UPDATE SET \"Count\" = rate_windows.\"Count\" + 1 RETURNING \"Count\"";

    private const string Prune = "DELETE FROM rate_windows WHERE \"WindowStart\" < @before";

    /// <summary>
    /// Counts one more in <paramref name="name"/>'s window starting at <paramref name="windowStart"/> and returns the
    /// window's count including it. Throws <see cref="DbException"/> when the database does not answer within
    /// <paramref name="timeout"/> (whole seconds, at least one).
    /// </summary>
    public static async Task<int> CountAsync(BlueLampDb db, string name, DateTimeOffset windowStart, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > RateWindow.MaxNameLength)
            throw new ArgumentException($"A rate window's name is at most {RateWindow.MaxNameLength} characters.", nameof(name));
        var sqlite = db is SqliteBlueLampDb;
        // As the model stores times: UTC ticks on SQLite (see SqliteBlueLampDb), timestamptz on PostgreSQL.
        object Time(DateTimeOffset at) => sqlite ? at.UtcTicks : at.ToUniversalTime();
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // SQLite waits for its write lock itself for as long as every connection is told to (SqliteBusyTimeout): here
            // only as long as the caller will wait, so the count gives up rather than hold a referral behind an intake batch.
            if (sqlite)
                SqliteBusyTimeout.Set(db.Database.GetDbConnection(), (int)Math.Max(1, timeout.TotalMilliseconds));
            int count;
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = Upsert;
                command.CommandTimeout = seconds;
                Add(command, "@name", name);
                Add(command, "@start", Time(windowStart));
                count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
            if (count == 1)
            {
                // The first count of a new window: clear out windows nobody needs any more (every key's, not only this one's).
                await using var prune = db.Database.GetDbConnection().CreateCommand();
                prune.CommandText = Prune;
                prune.CommandTimeout = seconds;
                Add(prune, "@before", Time(windowStart - KeptFor));
                await prune.ExecuteNonQueryAsync(cancellationToken);
            }
            return count;
        }
        finally
        {
            if (sqlite)
                SqliteBusyTimeout.Set(db.Database.GetDbConnection(), SqliteBusyTimeout.Milliseconds);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
