using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Web.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>
/// Nothing lost, nothing doubled, on SQLite and PostgreSQL: concurrent duplicate deliveries, a process killed between
/// storing and intake, a thousand events out of order, and webhooks the platform never delivered.
/// </summary>
public sealed class IntakeFaultTests
{
    private const string MetaAppSecret = "sim-meta-app-secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task The_same_event_delivered_three_times_at_once_is_stored_once(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var body = ChannelsTests.MessengerBody("m_" + marker, "psid-" + marker, $"Three copies, one message ({marker})", DateTimeOffset.UtcNow);
        var signature = MetaSignature.Compute(body, MetaAppSecret);
        using var client = host.NewClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ChannelsTests.PostAsync(client, "/webhooks/meta", body, MetaSignature.HeaderName, signature)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count >= 1, "the message");
        // And the simulator's own duplicate delivery (two Meta data centres at once).
        using var simulator = host.Simulator();
        await simulator.SetFaultsAsync("facebook", new { duplicateCopies = 3 });
        var person = await simulator.PersonAsync("facebook", "Dee Duplicate");
        await simulator.MessageAsync("facebook", person, $"Sent once, delivered thrice ({marker}b)");
        await Eventually.GetAsync(() => host.MessagesAsync(marker + "b"), m => m.Count >= 1, "the simulator's message");
        await Task.Delay(500, Ct);

        Assert.Single(await host.MessagesAsync(marker + ")"));
        Assert.Single(await host.MessagesAsync(marker + "b"));
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        Assert.Equal(1, await db.InboundEvents.CountAsync(e => e.PlatformMessageId == "m_" + marker, Ct));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task An_event_stored_but_not_taken_in_before_the_process_died_reaches_the_desk_on_the_next_start_once(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        var forceId = await host.DemoForceIdAsync();
        Guid accountId;
        await using (var db = host.Dbs.ForForce(forceId))
            accountId = await db.Accounts.Where(a => a.Platform == Platform.Facebook).Select(a => a.Id).SingleAsync(Ct);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var body = ChannelsTests.MessengerBody("m_" + marker, "psid-" + marker, $"Stored, then the power went ({marker})", sentAt);
        var channelEvent = MetaWebhookParser.Parse(body).Events.Single();

        await host.RestartAsync(async () =>
        {
            // What a process killed right after the insert (and before intake and the 2xx) leaves behind.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(host.Settings.Append(new("BLUELAMP_DATA", host.DataFolder))).Build();
            await using var services = new ServiceCollection().AddBlueLampData(configuration).BuildServiceProvider();
            await using var db = services.GetRequiredService<BlueLampDbFactory>().ForForce(forceId);
            db.InboundEvents.Add(new InboundEvent(Guid.CreateVersion7(), forceId, accountId, Platform.Facebook, ChannelEventJson.KeyOf(channelEvent),
                channelEvent.PlatformMessageId, ChannelEventJson.Write(channelEvent), channelEvent.RawPayload, InboundEventStore.FromWebhook, sentAt, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(Ct);
        });

        var stored = await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count == 1, "the stored event to reach the desk after the restart");
        Assert.Equal(sentAt.ToUnixTimeMilliseconds(), stored[0].SentAt.ToUnixTimeMilliseconds());
        // Meta never got its 2xx, so it delivers again: still one message.
        using var client = host.NewClient();
        var retry = await ChannelsTests.PostAsync(client, "/webhooks/meta", body, MetaSignature.HeaderName, MetaSignature.Compute(body, MetaAppSecret));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await Task.Delay(500, Ct);
        Assert.Single(await host.MessagesAsync(marker));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_thousand_events_in_random_order_are_stored_once_each_and_shown_in_platform_order(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var events = (from person in Enumerable.Range(0, 20)
                      from n in Enumerable.Range(0, 50)
                      select (Person: $"psid-{marker}-{person:00}", N: n, At: start.AddSeconds(n * 20 + person),
                              Mid: $"m_{marker}_{person:00}_{n:00}")).ToList();
        var deliveries = events.Concat(events.OrderBy(_ => Random.Shared.Next()).Take(100)).OrderBy(_ => Random.Shared.Next()).ToList();
        using var client = host.NewClient();

        using var gate = new SemaphoreSlim(16);
        var responses = await Task.WhenAll(deliveries.Select(async e =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                var body = ChannelsTests.MessengerBody(e.Mid, e.Person, $"report {e.N:00} ({marker})", e.At);
                return (await ChannelsTests.PostAsync(client, "/webhooks/meta", body, MetaSignature.HeaderName, MetaSignature.Compute(body, MetaAppSecret))).StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.All(responses, s => Assert.Equal(HttpStatusCode.OK, s));
        var stored = await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count >= 1000, "a thousand messages", TimeSpan.FromSeconds(90));
        Assert.Equal(1000, stored.Count);
        Assert.Equal(1000, stored.Select(m => m.PlatformMessageId).Distinct().Count());

        using var desk = await host.Host.LoginAsync(Roles.Operator);
        var queue = (await desk.GetFromJsonAsync<List<JsonElement>>("/api/desk/queue", Ct))!
            .Where(i => i.GetProperty("preview").GetString()!.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(20, queue.Count);
        foreach (var item in queue)
        {
            // The queue shows each person's newest message by platform time, whatever order they arrived in.
            Assert.StartsWith("report 49", item.GetProperty("preview").GetString(), StringComparison.Ordinal);
            var view = await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{item.GetProperty("conversationId").GetGuid()}", Ct);
            var texts = view.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!).ToList();
            Assert.Equal(Enumerable.Range(0, 50).Select(n => $"report {n:00} ({marker})"), texts);
            // Its time on the queue is its newest message by platform time, not the last to arrive (the queue's order is triage's).
            Assert.Equal(view.GetProperty("messages").EnumerateArray().Max(m => m.GetProperty("sentAt").GetDateTimeOffset()), item.GetProperty("lastInboundAt").GetDateTimeOffset());
        }
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Messages_whose_webhooks_were_never_delivered_are_backfilled_by_reconciliation_and_none_twice(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        using var simulator = host.Simulator();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var facebook = await simulator.PersonAsync("facebook", "Fran Lost");
        var instagram = await simulator.PersonAsync("instagram", "Ira Lost");
        // One delivered normally first: reconciliation must not double it.
        await simulator.MessageAsync("facebook", facebook, $"delivered ({marker})");
        await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count == 1, "the delivered message");
        // The start-up reconciliation must be over, or on a slow machine it backfills the "lost" messages early.
        var reconciliation = host.Host.Services.GetRequiredService<Reconciliation>();
        await Eventually.GetAsync(() => Task.FromResult(reconciliation.CompletedRuns), n => n >= 1, "the start-up reconciliation");

        await simulator.SetFaultsAsync("facebook", new { dropWebhooks = true });
        await simulator.SetFaultsAsync("instagram", new { dropWebhooks = true });
        for (var i = 0; i < 3; i++)
        {
            await simulator.MessageAsync("facebook", facebook, $"lost dm {i} ({marker})");
            await simulator.CommentAsync("facebook", facebook, $"lost comment {i} ({marker})");
            await simulator.MessageAsync("instagram", instagram, $"lost ig dm {i} ({marker})");
            await simulator.CommentAsync("instagram", instagram, $"lost ig comment {i} ({marker})");
        }
        await Task.Delay(500, Ct);
        Assert.Single(await host.MessagesAsync(marker));

        await reconciliation.RunOnceAsync(Ct);
        await reconciliation.RunOnceAsync(Ct);
        await simulator.ClearFaultsAsync();

        var stored = await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count >= 13, "every lost message to be backfilled");
        await Task.Delay(500, Ct);
        stored = await host.MessagesAsync(marker);
        Assert.Equal(13, stored.Count);
        Assert.Equal(13, stored.Select(m => m.Text).Distinct().Count());
        Assert.All(stored.Where(m => m.Text.Contains("comment", StringComparison.Ordinal)), m => Assert.NotNull(m.ParentPostId));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task X_direct_messages_the_webhook_never_delivered_are_backfilled_once_and_withdrawn_DM_access_is_a_desk_warning(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        using var simulator = host.Simulator();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("x", "Xander Lost");
        await simulator.MessageAsync("x", person, $"delivered x dm ({marker})");
        await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count == 1, "the delivered X DM");
        var reconciliation = host.Host.Services.GetRequiredService<Reconciliation>();
        await Eventually.GetAsync(() => Task.FromResult(reconciliation.CompletedRuns), n => n >= 1, "the start-up reconciliation");

        await simulator.SetFaultsAsync("x", new { dropWebhooks = true });
        for (var i = 0; i < 3; i++)
            await simulator.MessageAsync("x", person, $"lost x dm {i} ({marker})");
        await reconciliation.RunOnceAsync(Ct);
        await reconciliation.RunOnceAsync(Ct);

        var stored = await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count >= 4, "the lost X DMs to be backfilled");
        await Task.Delay(500, Ct);
        stored = await host.MessagesAsync(marker);
        Assert.Equal(4, stored.Count);
        Assert.Single(stored.Select(m => m.ConversationId).Distinct());

        // X withdraws DM access: the account still works, but the desk is told its DM intake is at risk.
        var warnings = host.Host.Services.GetRequiredService<AccountWarnings>();
        var forceId = await host.DemoForceIdAsync();
        await simulator.SetFaultsAsync("x", new { directMessagesForbidden = true });
        await reconciliation.RunOnceAsync(Ct);
        var atRisk = Assert.Single(await warnings.ListAsync(forceId, Ct), w => w.Platform == Platform.X);
        Assert.Contains("DM intake is at risk", atRisk.Reason, StringComparison.Ordinal);
        Assert.Contains("Client Forbidden", atRisk.Reason, StringComparison.Ordinal);

        await simulator.ClearFaultsAsync();
        await reconciliation.RunOnceAsync(Ct);
        Assert.DoesNotContain(await warnings.ListAsync(forceId, Ct), w => w.Platform == Platform.X);
    }
}
