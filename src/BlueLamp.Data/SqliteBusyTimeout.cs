using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlueLamp.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock on every connection (<c>PRAGMA busy_timeout</c>). SQLite has one writer;
/// without this, Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms between attempts, so a webhook whose
/// insert met the intake's transaction waited at least 150 ms for a lock that is usually free again within a
/// millisecond or two. SQLite's own wait retries after 1, 2, 5, 10 … ms. After the timeout the driver's retries go on
/// until the command timeout, as before.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>Long enough for any one transaction of ours; the driver keeps retrying after it.</summary>
    public const int Milliseconds = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // SQLite runs in-process and synchronously whichever way it is called.
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Sets how long this open SQLite connection waits for the write lock.</summary>
    public static void Set(DbConnection connection, int milliseconds)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.ExecuteNonQuery();
    }

    private static void Apply(DbConnection connection) => Set(connection, Milliseconds);
}
