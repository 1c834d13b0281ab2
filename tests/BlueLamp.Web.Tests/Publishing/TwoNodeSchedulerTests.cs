using System.Net.Http.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Web.Publishing;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static BlueLamp.Web.Tests.Publishing.PublishingApi;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>Two BlueLamp nodes on one PostgreSQL, both running the scheduler: every due post goes out exactly once.</summary>
public sealed class TwoNodeSchedulerTests
{
    private const int Published = 8;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scheduled_posts_go_out_once_to_each_account_when_two_nodes_share_one_PostgreSQL()
    {
        var admin = Environment.GetEnvironmentVariable("BLUELAMP_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(admin), "BLUELAMP_TEST_POSTGRES is not set (./test.sh sets it).");
        var name = $"bluelamp_nodes_{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("bluelamp-nodes-").FullName;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            await using var platforms = await SimulatedPlatforms.StartAsync();
            var database = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:BlueLamp"] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString,
            };
            // One data folder: the nodes share the Data Protection keys that encrypt the accounts' credentials, as a cluster must.
            await using var nodeA = new BlueLampHost(platforms.BlueLampSettings(new(database) { ["Publishing:NodeName"] = "node-a" }), dataFolder: folder);
            _ = nodeA.BaseAddress;
            await using var nodeB = new BlueLampHost(platforms.BlueLampSettings(new(database) { ["Publishing:NodeName"] = "node-b" }), dataFolder: folder);
            _ = nodeB.BaseAddress;

            using var comms = await nodeA.LoginAsync(Roles.CommsOfficer);
            var accounts = await AccountsAsync(comms);
            var at = DateTimeOffset.UtcNow.AddSeconds(3);
            var posts = new List<Guid>();
            for (var i = 1; i <= 5; i++)
            {
                var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
                    Post($"Node race {i}: our neighbourhood team holds a surgery at the library on Saturday {i} December.", accounts.Values, "Event", imageUrl: SampleImage(platforms.Address)), Ct));
                await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at }, Ct));
                posts.Add(postId);
            }

            // Both nodes' schedulers tick every second on their own; on top, both are made to race at the moment the posts fall due.
            await Task.Delay(at - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50), Ct);
            var schedulers = new[] { nodeA, nodeB }.Select(n => n.Services.GetRequiredService<PostScheduler>()).ToArray();
            var published = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => schedulers[i % 2].RunOnceAsync(Ct), Ct)));

            foreach (var postId in posts)
                await WaitForStatusAsync(comms, postId, Published);
            for (var i = 1; i <= 5; i++)
            {
                foreach (var platform in new[] { "facebook", "instagram", "x", "bluesky" })
                    Assert.Single(await platforms.LivePostsAsync(platform, $"Node race {i}:"));
            }
            foreach (var postId in posts)
                Assert.Contains("4 of 4 copies published", Assert.Single(await AuditDetailsAsync(nodeA, AuditActions.PostPublished, postId)), StringComparison.Ordinal);
            TestContext.Current.SendDiagnosticMessage($"Posts published by the racing ticks: {string.Join(", ", published)}");
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
