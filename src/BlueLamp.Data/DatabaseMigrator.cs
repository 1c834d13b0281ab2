using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data;

/// <summary>Creates the database if needed and brings it to the latest migration.</summary>
public sealed class DatabaseMigrator(BlueLampDbFactory dbs, DatabaseSettings settings)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }

        await using var db = dbs.Unscoped();
        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets the desk read while a message is being written; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
