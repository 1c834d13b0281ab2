using System.Collections.Concurrent;
using System.Net.Http.Json;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Demo;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Tests.Channels;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Desk;

/// <summary>Two nodes on one PostgreSQL: a message taken in by one node reaches the desk screens connected to the other.</summary>
public sealed class DeskEventsAcrossNodesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_web_chat_message_taken_in_by_node_A_reaches_screens_on_node_B_once_and_node_As_own_screens_once()
    {
        await using var nodes = await TwoNodes.StartAsync(Ct);
        Assert.SkipWhen(nodes is null, "BLUELAMP_TEST_POSTGRES is not set (./test.sh sets it).");
        var busA = Assert.IsType<PostgresDeskEvents>(nodes!.A.Services.GetRequiredService<IDeskEvents>());
        var busB = Assert.IsType<PostgresDeskEvents>(nodes.B.Services.GetRequiredService<IDeskEvents>());
        await busA.Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await busB.Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Guid forceId;
        await using (var lookup = nodes.A.Services.GetRequiredService<BlueLampDbFactory>().Unscoped())
            forceId = await lookup.Forces.Where(f => f.Slug == DemoForce.Slug).Select(f => f.Id).SingleAsync(Ct);
        var seenOnA = new ConcurrentQueue<DeskEvent>();
        var seenOnB = new ConcurrentQueue<DeskEvent>();
        using var onA = busA.Subscribe(forceId, e => { seenOnA.Enqueue(e); return Task.CompletedTask; });
        using var onB = busB.Subscribe(forceId, e => { seenOnB.Enqueue(e); return Task.CompletedTask; });

        using var publicClient = nodes.A.NewClient();
        var sent = await publicClient.PostAsJsonAsync("/api/webchat/demo/messages",
            new { text = "Someone has been trying car door handles on Elm Street", clientMessageId = Guid.NewGuid().ToString("N") }, Ct);
        sent.EnsureSuccessStatusCode();

        await Eventually.GetAsync(() => Task.FromResult(seenOnB.Count(e => e.Kind == DeskEventKind.MessageReceived)), n => n >= 1, "the message's desk event on node B");
        await Task.Delay(500, Ct);
        var onNodeB = Assert.Single(seenOnB, e => e.Kind == DeskEventKind.MessageReceived);
        var onNodeA = Assert.Single(seenOnA, e => e.Kind == DeskEventKind.MessageReceived);
        Assert.Equal(onNodeA, onNodeB);
        Assert.Equal(forceId, onNodeB.ForceId);
        Assert.NotNull(onNodeB.MessageId);

        // The connections that listen are cut (a database failover, a network blip): each node reconnects, tells its
        // screens to reload what they show (they may have missed events), and hears the other node again.
        await using (var admin = new Npgsql.NpgsqlConnection(ChannelHost.PostgresConnectionString))
        {
            await admin.OpenAsync(Ct);
            await using var cut = new Npgsql.NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND query LIKE 'LISTEN%'", admin);
            cut.Parameters.AddWithValue("db", nodes.DatabaseName);
            Assert.Equal(2L, await cut.ExecuteScalarAsync(Ct));
        }
        await Eventually.GetAsync(() => Task.FromResult(seenOnB.Count(e => e.Kind == DeskEventKind.Resync)), n => n >= 1, "node B's screens told to reload");
        // Each node notices its own cut connection on its own clock: wait for node A's too, rather than assume the order.
        await Eventually.GetAsync(() => Task.FromResult(seenOnA.Count(e => e.Kind == DeskEventKind.Resync && e.ForceId == forceId)), n => n >= 1, "node A's screens told to reload");
        (await publicClient.PostAsJsonAsync("/api/webchat/demo/messages",
            new { text = "And now they are in the back gardens", clientMessageId = Guid.NewGuid().ToString("N") }, Ct)).EnsureSuccessStatusCode();
        await Eventually.GetAsync(() => Task.FromResult(seenOnB.Count(e => e.Kind == DeskEventKind.MessageReceived)), n => n >= 2, "the second message's desk event on node B");
    }
}
