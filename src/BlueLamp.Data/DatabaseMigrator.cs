using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlueLamp.Data;

/// <summary>
/// Creates the database if needed and brings it to the latest migration. Before it upgrades a SQLite database that
/// already holds data, it saves a copy of the file beside it: some SQLite migrations rebuild a table outside a
/// transaction, and a copy is what gets a force's records back if the machine stops half-way through one.
/// </summary>
public sealed class DatabaseMigrator(BlueLampDbFactory dbs, DatabaseSettings settings, ILogger<DatabaseMigrator>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DatabaseMigrator>.Instance;

    /// <summary>The copy saved before an upgrade is named after the file and the last migration it had.</summary>
    public const string CopySuffix = ".before-upgrade";

    /// <summary>Migrates; returns the path of the copy saved first, or null when none was needed.</summary>
    public async Task<string?> MigrateAsync(CancellationToken cancellationToken = default)
    {
        string? file = null;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            file = Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
            var folder = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }

        await using var db = dbs.Unscoped();
        string? copy = null;
        if (file is not null)
            copy = await CopyBeforeUpgradeAsync(db, file, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets the desk read while a message is being written; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return copy;
    }

    private async Task<string?> CopyBeforeUpgradeAsync(BlueLampDb db, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
            return null;
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        // The migrations come from the assembly, so only the history table is read here.
        if (applied.Count == 0 || !db.Database.GetMigrations().Except(applied).Any())
            return null; // a new database has nothing to lose; an up-to-date one is not changed

        var copy = $"{file}{CopySuffix}-{applied[^1]}";
        if (File.Exists(copy))
        {
            // An earlier attempt at this upgrade stopped part-way: its copy is the database as it was, so it is kept.
            _logger.LogWarning("Upgrading the database from {Migration} again: the copy made before the first attempt is kept at {Copy}", applied[^1], copy);
            return copy;
        }
        // SQLite's online backup: a consistent copy, write-ahead log included, even while another process reads the file.
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
        _logger.LogInformation("Upgrading the database from {Migration}: a copy of it as it was is at {Copy}", applied[^1], copy);
        return copy;
    }
}
