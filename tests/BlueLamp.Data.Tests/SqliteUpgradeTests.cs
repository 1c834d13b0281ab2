using BlueLamp.Data.Leases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Data.Tests;

/// <summary>Upgrading a force's SQLite file keeps a copy of it as it was, because some SQLite migrations run outside a transaction.</summary>
public sealed class SqliteUpgradeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bluelamp-upgrade-").FullName;
    private readonly ServiceProvider _services;

    public SqliteUpgradeTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseSettings.DataFolderKey] = _folder })
            .Build();
        _services = new ServiceCollection().AddBlueLampData(configuration).BuildServiceProvider();
    }

    private DatabaseMigrator Migrator => _services.GetRequiredService<DatabaseMigrator>();

    private BlueLampDbFactory Dbs => _services.GetRequiredService<BlueLampDbFactory>();

    private string[] Copies() => Directory.GetFiles(_folder, "*" + DatabaseMigrator.CopySuffix + "*");

    [Fact]
    public async Task Upgrading_a_database_that_holds_records_first_saves_a_copy_of_it_as_it_was()
    {
        var cancellation = TestContext.Current.CancellationToken;
        string previous, latest;
        await using (var db = Dbs.Unscoped())
        {
            var all = db.Database.GetMigrations().ToList();
            (previous, latest) = (all[^2], all[^1]);
            // The database as an installation of the previous release left it, with a record in it.
            await db.GetService<IMigrator>().MigrateAsync(previous, cancellation);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellation);
            db.JobLeases.Add(new JobLease("polling", "node-a", DateTimeOffset.UnixEpoch.AddYears(60)));
            await db.SaveChangesAsync(cancellation);
        }

        var copy = await Migrator.MigrateAsync(cancellation);

        Assert.NotNull(copy);
        Assert.Equal([copy], Copies());
        Assert.EndsWith(previous, copy, StringComparison.Ordinal);
        await using (var db = Dbs.Unscoped())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellation));
            Assert.Equal("node-a", Assert.Single(await db.JobLeases.ToListAsync(cancellation)).Holder);
        }
        // The copy is the database before the upgrade: its record, and the previous release's last migration.
        await using var saved = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=false");
        await saved.OpenAsync(cancellation);
        Assert.Equal("node-a", await ScalarAsync(saved, "SELECT Holder FROM job_leases"));
        Assert.Equal(previous, await ScalarAsync(saved, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1"));
        Assert.NotEqual(latest, previous);
    }

    [Fact]
    public async Task A_copy_left_by_an_upgrade_that_stopped_part_way_is_kept_not_overwritten()
    {
        var cancellation = TestContext.Current.CancellationToken;
        string previous;
        await using (var db = Dbs.Unscoped())
        {
            previous = db.Database.GetMigrations().ToList()[^2];
            await db.GetService<IMigrator>().MigrateAsync(previous, cancellation);
        }
        var earlier = Path.Combine(_folder, $"bluelamp.db{DatabaseMigrator.CopySuffix}-{previous}");
        await File.WriteAllTextAsync(earlier, "the database before the first attempt", cancellation);

        Assert.Equal(earlier, await Migrator.MigrateAsync(cancellation));

        Assert.Equal("the database before the first attempt", await File.ReadAllTextAsync(earlier, cancellation));
        await using var check = Dbs.Unscoped();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync(cancellation));
    }

    [Fact]
    public async Task A_new_database_and_an_up_to_date_one_are_not_copied()
    {
        var cancellation = TestContext.Current.CancellationToken;

        Assert.Null(await Migrator.MigrateAsync(cancellation));
        Assert.Null(await Migrator.MigrateAsync(cancellation));

        Assert.Empty(Copies());
        Assert.True(File.Exists(Path.Combine(_folder, "bluelamp.db")));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp clean-up.
        }
    }
}
