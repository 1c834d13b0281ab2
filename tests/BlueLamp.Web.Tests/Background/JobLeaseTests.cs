using BlueLamp.Web.Background;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Tests.Channels;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BlueLamp.Web.Tests.Background;

/// <summary>Two BlueLamp nodes on one PostgreSQL: each recurring job runs on one of them, and moves when its holder stops or lapses.</summary>
public sealed class JobLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_run_each_job_once_and_a_released_or_lapsed_lease_moves_to_the_other_node()
    {
        var admin = ChannelHost.PostgresConnectionString;
        Assert.SkipWhen(admin is null, "BLUELAMP_TEST_POSTGRES is not set (./test.sh sets it).");
        var name = $"bluelamp_leases_{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("bluelamp-leases-").FullName;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            Dictionary<string, string?> Node(string id) => new(ChannelHost.FastSettings())
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:BlueLamp"] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString,
                ["Node:Id"] = id,
            };
            await using var nodeA = new BlueLampHost(Node("node-a"), dataFolder: folder);
            _ = nodeA.BaseAddress;
            await using var nodeB = new BlueLampHost(Node("node-b"), dataFolder: folder);
            _ = nodeB.BaseAddress;

            // Both nodes start their reconciliation at once; one holds the job, the other skips it.
            var runs = new[] { nodeA, nodeB }.Select(n => n.Services.GetRequiredService<Reconciliation>()).ToArray();
            await Eventually.GetAsync(() => Task.FromResult(runs.Sum(r => r.CompletedRuns)), n => n >= 1, "a start-up reconciliation");
            await Task.Delay(1_000, Ct);
            Assert.Equal(1, runs.Sum(r => r.CompletedRuns));

            var a = nodeA.Services.GetRequiredService<JobLeases>();
            var b = nodeB.Services.GetRequiredService<JobLeases>();
            Assert.Equal("node-a", a.NodeId);
            Assert.True(await a.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));
            Assert.False(await b.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));
            Assert.True(await a.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));

            // A clean stop releases: the other node takes the job at once.
            await a.ReleaseAllAsync(Ct);
            Assert.True(await b.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));
            Assert.False(await a.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));

            // A node that dies stops renewing: once its lease lapses, the other takes over.
            Assert.True(await b.TryHoldAsync("test.lapse", TimeSpan.FromMilliseconds(300), Ct));
            Assert.False(await a.TryHoldAsync("test.lapse", TimeSpan.FromMinutes(1), Ct));
            await Task.Delay(600, Ct);
            Assert.True(await a.TryHoldAsync("test.lapse", TimeSpan.FromMinutes(1), Ct));
            Assert.False(await b.TryHoldAsync("test.lapse", TimeSpan.FromMinutes(1), Ct));

            // Racing for a lease nobody has taken yet: exactly one wins.
            var race = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).TryHoldAsync("test.race", TimeSpan.FromMinutes(1), Ct)));
            var winners = Enumerable.Range(0, 10).Where(i => race[i]).Select(i => i % 2).Distinct().ToList();
            Assert.Single(winners);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(Ct);
            Directory.Delete(folder, recursive: true);
        }
    }
}
