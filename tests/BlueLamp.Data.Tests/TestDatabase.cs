using BlueLamp.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BlueLamp.Data.Tests;

/// <summary>
/// A real, freshly migrated database for one test class: a SQLite file in a temporary folder, or a new
/// database on the PostgreSQL server named by <c>BLUELAMP_TEST_POSTGRES</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "BLUELAMP_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(ServiceProvider services, Dictionary<string, string?> settings, string folder, string? postgresAdmin, string? postgresName)
    {
        Services = services;
        Settings = settings;
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public ServiceProvider Services { get; }

    /// <summary>The configuration that points a host (web app, CLI) at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string Folder { get; }

    public BlueLampDbFactory Dbs => Services.GetRequiredService<BlueLampDbFactory>();

    public DatabaseProvider Provider => Services.GetRequiredService<DatabaseSettings>().Provider;

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("bluelamp-test-").FullName;
        var settings = new Dictionary<string, string?> { [DatabaseSettings.DataFolderKey] = folder };
        string? admin = null, name = null;
        if (provider == DatabaseProvider.Postgres)
        {
            admin = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            name = $"bluelamp_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            settings[DatabaseSettings.ProviderKey] = "Postgres";
            settings[$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddBlueLampData(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new TestDatabase(services, settings, folder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgresAdmin is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean from the temp folder.
        }
    }
}
