using BlueLamp.Web.Tests.Channels;
using Npgsql;

namespace BlueLamp.Web.Tests.Hosting;

/// <summary>
/// Two BlueLamp nodes (demo mode, node ids "node-a" and "node-b") sharing a fresh PostgreSQL database, each with a data
/// folder of its own (on PostgreSQL the Data Protection key ring is in the database, so nothing else needs sharing).
/// Null when no test PostgreSQL is configured.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private readonly string admin;
    private readonly string database;

    private TwoNodes(string admin, string database, BlueLampHost a, BlueLampHost b)
    {
        this.admin = admin;
        this.database = database;
        A = a;
        B = b;
    }

    public BlueLampHost A { get; }

    /// <summary>The PostgreSQL database the two nodes share.</summary>
    public string DatabaseName => database;

    public BlueLampHost B { get; }

    public static async Task<TwoNodes?> StartAsync(CancellationToken cancellationToken)
    {
        if (ChannelHost.PostgresConnectionString is not { } admin)
            return null;
        var database = $"bluelamp_nodes_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        Dictionary<string, string?> Node(string id) => new(ChannelHost.FastSettings())
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:BlueLamp"] = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString,
            ["Node:Id"] = id,
        };
        var a = new BlueLampHost(Node("node-a"));
        _ = a.BaseAddress;
        var b = new BlueLampHost(Node("node-b"));
        _ = b.BaseAddress;
        return new TwoNodes(admin, database, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
