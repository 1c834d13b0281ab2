using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Demo;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>
/// BlueLamp in demo mode with the platform simulator inside it, on real Kestrel, with short intervals so polls,
/// sweeps and retries happen within a test; on SQLite, or on a fresh PostgreSQL database when asked and configured.
/// </summary>
public sealed class ChannelHost : IAsyncDisposable
{
    public const string PostgresVariable = "BLUELAMP_TEST_POSTGRES";

    private readonly string? postgresAdmin;
    private readonly TimeProvider? time;

    private ChannelHost(BlueLampHost host, string dataFolder, IReadOnlyDictionary<string, string?> settings, string? postgresAdmin, string? postgresName, TimeProvider? time)
    {
        this.time = time;
        Host = host;
        DataFolder = dataFolder;
        Settings = settings;
        this.postgresAdmin = postgresAdmin;
        PostgresName = postgresName;
    }

    public BlueLampHost Host { get; private set; }

    public string DataFolder { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string? PostgresName { get; }

    public Uri BaseAddress => Host.BaseAddress;

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>"Sqlite" always, "Postgres" too when a test server is configured.</summary>
    public static TheoryData<string> Providers()
    {
        var providers = new TheoryData<string> { "Sqlite" };
        if (PostgresConnectionString is not null)
            providers.Add("Postgres");
        return providers;
    }

    public static IReadOnlyDictionary<string, string?> FastSettings() => new Dictionary<string, string?>
    {
        ["Channels:Intake:BlueskyPollInterval"] = "00:00:00.500",
        ["Channels:Intake:XMentionsPollInterval"] = "00:00:01",
        ["Channels:Intake:ReconcileInterval"] = "01:00:00",
        ["Channels:Intake:SweepInterval"] = "00:00:02",
        ["Channels:Intake:OutboxInterval"] = "00:00:00.250",
        ["Channels:Resilience:BaseDelay"] = "00:00:00.050",
        ["Channels:Resilience:MaxRetryAttempts"] = "2",
        ["Channels:Resilience:MaxRetryAfter"] = "00:00:05",
        ["Channels:Resilience:AttemptTimeout"] = "00:00:05",
        ["Channels:Resilience:TotalTimeout"] = "00:00:20",
        ["Simulator:DeliveryRetryDelay"] = "00:00:00.200",
    };

    /// <summary>Starts BlueLamp on <paramref name="provider"/>'s database; with <paramref name="time"/>, on that clock (e.g. a fake one).</summary>
    public static async Task<ChannelHost> StartAsync(string provider = "Sqlite", IReadOnlyDictionary<string, string?>? extra = null, TimeProvider? time = null)
    {
        var folder = Directory.CreateTempSubdirectory("bluelamp-channels-").FullName;
        var settings = new Dictionary<string, string?>(FastSettings());
        string? admin = null, name = null;
        if (provider == "Postgres")
        {
            admin = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            name = $"bluelamp_channels_{Guid.NewGuid():N}";
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
            settings[DatabaseSettings.ProviderKey] = "Postgres";
            settings[$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var host = new BlueLampHost(settings, folder, time);
        _ = host.BaseAddress;
        return new ChannelHost(host, folder, settings, admin, name, time);
    }

    /// <summary>Stops this BlueLamp and starts another on the same data folder and database, as after a restart.</summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await Host.DisposeAsync();
        if (whileStopped is not null)
            await whileStopped();
        Host = new BlueLampHost(Settings, DataFolder, time);
        _ = Host.BaseAddress;
    }

    public HttpClient NewClient() => Host.NewClient();

    public SimulatorApi Simulator() => new(Host.NewClient());

    public BlueLampDbFactory Dbs => Host.Services.GetRequiredService<BlueLampDbFactory>();

    public async Task<Guid> DemoForceIdAsync()
    {
        await using var lookup = Dbs.Unscoped();
        return await lookup.Forces.Where(f => f.Slug == DemoForce.Slug).Select(f => f.Id).SingleAsync();
    }

    /// <summary>The demo force's messages whose text contains <paramref name="marker"/>.</summary>
    public async Task<List<Message>> MessagesAsync(string marker)
    {
        await using var db = Dbs.ForForce(await DemoForceIdAsync());
        return await db.Messages.AsNoTracking().Where(m => m.Text.Contains(marker)).ToListAsync();
    }

    public async Task<int> InboundEventCountAsync()
    {
        await using var db = Dbs.ForForce(await DemoForceIdAsync());
        return await db.InboundEvents.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (postgresAdmin is not null && PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp clean-up.
        }
    }
}
