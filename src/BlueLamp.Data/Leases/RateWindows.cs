using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data.Leases;

/// <summary>
/// Counts into a sliding window shared by every node, so a limit of N a minute means at most N in <em>any</em> minute, also
/// across a minute's boundary (a fixed window lets a sender through twice: N at 12:00:59 and N more at 12:01:00). Each
/// name's counts are kept in one-second buckets (<c>rate_windows</c>); a count adds up every bucket that overlaps the last
/// window (the oldest whole, so it never undercounts) and, only while that is under the limit, adds one to the current
/// bucket. The read and the write are one transaction that every node takes in turn per name (SQLite's write lock,
/// taken first with <c>BEGIN IMMEDIATE</c>; a PostgreSQL advisory lock on the name), so two nodes counting at once both
/// see the other's count and cannot both take the last place. On SQLite a count first takes this process's
/// <see cref="WriteTurn"/> urgently, so it goes before the next intake batch instead of meeting SQLite's busy handler. No
/// lock is held beyond that, and a count that cannot get the database within its timeout fails instead of waiting: the
/// caller decides what to do then.
/// </summary>
public static class RateWindows
{
    /// <summary>The width of one bucket: a count may see up to this much more history than the window, never less.</summary>
    public static readonly TimeSpan Bucket = TimeSpan.FromSeconds(1);

    /// <summary>Rows older than this are deleted now and then; a window is never longer.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private const string Buckets = "SELECT \"WindowStart\", \"Count\" FROM rate_windows WHERE \"Name\" = @name AND \"WindowStart\" > @from ORDER BY \"WindowStart\"";

    private const string Upsert =
        "INSERT INTO rate_windows (\"Name\", \"WindowStart\", \"Count\") VALUES (@name, @start, 1) " +
        "ON CONFLICT (\"Name\", \"WindowStart\") DO UPDATE SET \"Count\" = rate_windows.\"Count\" + 1";

    private const string PruneName = "DELETE FROM rate_windows WHERE \"Name\" = @name AND \"WindowStart\" <= @from";

    private const string PruneAll = "DELETE FROM rate_windows WHERE \"WindowStart\" < @before";

    /// <summary>
    /// Counts one more for <paramref name="name"/> at <paramref name="now"/> when fewer than <paramref name="limit"/> were
    /// counted in the <paramref name="window"/> before it; a refused attempt is not counted (so a sender that waits the
    /// <see cref="RateCount.RetryAfter"/> it was given gets in). Throws <see cref="TimeoutException"/> when the write turn
    /// is not this count's within <paramref name="timeout"/>, and <see cref="DbException"/> when the database does not
    /// answer within what is left of it (whole seconds on PostgreSQL, at least one).
    /// </summary>
    public static async Task<RateCount> TryCountAsync(BlueLampDb db, WriteTurn writeTurn, string name, int limit, TimeSpan window, DateTimeOffset now,
        TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writeTurn);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (window < Bucket || window > KeptFor)
            throw new ArgumentOutOfRangeException(nameof(window), $"A rate window is between {Bucket} and {KeptFor}.");
        if (name.Length > RateWindow.MaxNameLength)
            throw new ArgumentException($"A rate window's name is at most {RateWindow.MaxNameLength} characters.", nameof(name));
        var sqlite = db is SqliteBlueLampDb;
        // As the model stores times: UTC ticks on SQLite (see SqliteBlueLampDb), timestamptz on PostgreSQL.
        object Time(DateTimeOffset at) => sqlite ? at.UtcTicks : at.ToUniversalTime();
        DateTimeOffset FromStored(object value) => value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : new DateTimeOffset((DateTime)value, TimeSpan.Zero);
        var bucket = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Bucket.Ticks, TimeSpan.Zero);
        // Every bucket that overlaps (now - window, now]: one starting after now - window - Bucket.
        var from = now - window - Bucket;
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        var started = Stopwatch.GetTimestamp();
        using var turn = await EnterWithinAsync(writeTurn, timeout, cancellationToken);
        var left = timeout - Stopwatch.GetElapsedTime(started);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var open = false;
        try
        {
            // SQLite waits for its write lock itself for as long as every connection is told to (SqliteBusyTimeout): here
            // only as long as the caller will wait, so the count gives up rather than hold a referral behind an intake batch.
            if (sqlite)
                SqliteBusyTimeout.Set(connection, (int)Math.Max(1, left.TotalMilliseconds));
            await ExecuteAsync(connection, sqlite ? "BEGIN IMMEDIATE" : "BEGIN", seconds, [], cancellationToken);
            open = true;
            if (!sqlite)
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", seconds, [("@name", name)], cancellationToken);
            var counted = new List<(DateTimeOffset Start, int Count)>();
            await using (var read = Command(connection, Buckets, seconds, [("@name", name), ("@from", Time(from))]))
            await using (var rows = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await rows.ReadAsync(cancellationToken))
                    counted.Add((FromStored(rows.GetValue(0)), Convert.ToInt32(rows.GetValue(1), CultureInfo.InvariantCulture)));
            }
            var total = counted.Sum(c => c.Count);
            RateCount result;
            if (total < limit)
            {
                await ExecuteAsync(connection, Upsert, seconds, [("@name", name), ("@start", Time(bucket))], cancellationToken);
                // This name's buckets that have left the window go at once; everyone's old ones when a name starts afresh.
                await ExecuteAsync(connection, PruneName, seconds, [("@name", name), ("@from", Time(from))], cancellationToken);
                if (total == 0)
                    await ExecuteAsync(connection, PruneAll, seconds, [("@before", Time(now - KeptFor))], cancellationToken);
                result = new RateCount(true, total + 1, TimeSpan.Zero);
            }
            else
            {
                result = new RateCount(false, total, RetryAfter(counted, total, limit, window, now));
            }
            await ExecuteAsync(connection, "COMMIT", seconds, [], cancellationToken);
            open = false;
            return result;
        }
        finally
        {
            if (open)
                await ExecuteAsync(connection, "ROLLBACK", seconds, [], CancellationToken.None);
            if (sqlite)
                SqliteBusyTimeout.Set(connection, SqliteBusyTimeout.Milliseconds);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<WriteTurn.Held> EnterWithinAsync(WriteTurn writeTurn, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await writeTurn.EnterAsync(urgent: true, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The write turn was not free within {timeout.TotalMilliseconds:0} ms.");
        }
    }

    /// <summary>How long until the oldest buckets have left the window and the count is under the limit again (at least one bucket).</summary>
    private static TimeSpan RetryAfter(List<(DateTimeOffset Start, int Count)> counted, int total, int limit, TimeSpan window, DateTimeOffset now)
    {
        foreach (var (start, count) in counted)
        {
            total -= count;
            if (total < limit)
            {
                var wait = start + window + Bucket - now;
                return wait < Bucket ? Bucket : wait;
            }
        }
        return window;
    }

    private static DbCommand Command(DbConnection connection, string sql, int seconds, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = seconds;
        foreach (var (parameterName, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = parameterName;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, int seconds, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, seconds, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
