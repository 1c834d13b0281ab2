using System.Collections.Concurrent;
using System.Net.Http.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>
/// Stored platform events taken in many at a time, on SQLite and PostgreSQL: a batch keeps every guarantee of a single
/// event (one message per platform id, platform-time order, the life-at-risk path first) and a conflict in the middle
/// of a batch costs none of the others its place.
/// </summary>
public sealed class IntakeBatchTests
{
    // Only the batches a test hands over: no sweep picks its events up behind its back.
    private static readonly Dictionary<string, string?> NoSweep = new() { ["Channels:Intake:SweepInterval"] = "01:00:00" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_batch_with_a_duplicate_and_a_life_at_risk_message_stores_each_once_and_raises_the_alarm_before_the_chatter(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, NoSweep);
        var batch = await EventTable.StartAsync(host);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        // A message already on the desk, which the batch brings again under another key (as a second source would).
        var earlier = await batch.StoreAsync($"m_{marker}_dup", $"psid-{marker}-0", $"Is the A55 closed? ({marker})", start);
        await batch.TakeInAsync([earlier]);

        var events = new List<Guid>();
        for (var n = 0; n < 20; n++)
            events.Add(await batch.StoreAsync($"m_{marker}_{n:00}", $"psid-{marker}-{n % 4}", $"Chatter {n:00} about parking ({marker})", start.AddSeconds(n + 1)));
        events.Add(await batch.StoreAsync($"m_{marker}_dup", $"psid-{marker}-0", $"Is the A55 closed? ({marker})", start, key: $"message:m_{marker}_dup:again"));
        events.Add(await batch.StoreAsync($"m_{marker}_risk", $"psid-{marker}-risk", $"I'm going to kill myself tonight ({marker})", start.AddSeconds(30)));
        var published = new ConcurrentQueue<DeskEvent>();
        using var subscription = host.Host.Services.GetRequiredService<IDeskEvents>().Subscribe(batch.ForceId, e => { published.Enqueue(e); return Task.CompletedTask; });

        await batch.TakeInAsync(events);

        var stored = await host.MessagesAsync(marker);
        Assert.Equal(22, stored.Count);
        Assert.Single(stored, m => m.PlatformMessageId == $"m_{marker}_dup");
        await using var db = host.Dbs.ForForce(batch.ForceId);
        Assert.Equal(0, await db.InboundEvents.CountAsync(e => e.ProcessedAt == null, Ct));
        var risk = stored.Single(m => m.PlatformMessageId == $"m_{marker}_risk");
        var conversation = await db.Conversations.SingleAsync(c => c.Id == risk.ConversationId, Ct);
        Assert.True(conversation.LifeAtRisk);
        Assert.Single(await db.Handovers.Where(h => h.ConversationId == conversation.Id).ToListAsync(Ct));
        Assert.Single(await db.Messages.Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Outbound).ToListAsync(Ct));
        // Every message assessed once, in the transaction that stored it.
        var messageIds = stored.Select(m => m.Id).ToList();
        Assert.Equal(22, await db.RiskAssessments.CountAsync(a => messageIds.Contains(a.MessageId), Ct));
        // The alarm went out before any of the chatter reached the desk, although the chatter was older.
        var order = published.ToList();
        var alarm = order.FindIndex(e => e.Kind == DeskEventKind.LifeAtRisk && e.ConversationId == conversation.Id);
        var firstChatter = order.FindIndex(e => e.Kind == DeskEventKind.MessageReceived && e.ConversationId != conversation.Id);
        Assert.InRange(alarm, 0, firstChatter - 1);
        // Arriving by webhook, the same message would have skipped the chatter's lanes altogether.
        var intake = host.Host.Services.GetRequiredService<InboundEventIntake>();
        Assert.True(ContactIntake.IsUrgent((await intake.AssessAsync(batch.ForceId, ParseMessenger("m_x", "psid-x", "I'm going to kill myself tonight"), batch.AccountId, Ct))!));
        Assert.False(ContactIntake.IsUrgent((await intake.AssessAsync(batch.ForceId, ParseMessenger("m_y", "psid-y", "Chatter about parking"), batch.AccountId, Ct))!));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_message_is_assessed_once_with_its_forces_engine_and_the_routing_assessment_is_the_one_stored(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, NoSweep);
        var batch = await EventTable.StartAsync(host);
        var intake = host.Host.Services.GetRequiredService<InboundEventIntake>();
        var marker = Guid.NewGuid().ToString("N")[..8];
        // Life at risk only for the life-at-risk model: urgent for a force that uses it, not for one that switched it off.
        const string modelOnly = "alla i ddim neud hyn mwy, mae'r tabledi gen i";
        Assert.True(ContactIntake.IsUrgent((await intake.AssessAsync(batch.ForceId, ParseMessenger("m_a", "psid-a", modelOnly), batch.AccountId, Ct))!));

        // What intake is handed when the event was queued is what it stores: it does not assess the message again.
        var chatter = await batch.StoreQueuedAsync($"m_{marker}_1", $"psid-{marker}-1", $"Chatter about parking ({marker})", DateTimeOffset.UtcNow.AddMinutes(-2));
        var routed = await intake.AssessAsync(batch.ForceId, chatter.Stored!.Event, batch.AccountId, Ct);
        Assert.NotNull(routed);
        await intake.ProcessAsync(batch.ForceId, [chatter with { Assessed = routed with { Score = 0.123 } }], Ct);

        // The force switches the model off between queueing and intake: the queued assessment is stale and the rules alone decide.
        // The exact wording, not with the marker appended: the model reads character pieces, and a random suffix moved its
        // reading of this message between 0.63 and 0.75, around the alarm threshold, so the test failed now and then.
        var late = await batch.StoreQueuedAsync($"m_{marker}_2", $"psid-{marker}-2", modelOnly, DateTimeOffset.UtcNow.AddMinutes(-1));
        var withModel = await intake.AssessAsync(batch.ForceId, late.Stored!.Event, batch.AccountId, Ct);
        Assert.True(withModel!.LifeAtRisk);
        await using (var db = host.Dbs.ForForce(batch.ForceId))
        {
            var force = await db.Forces.SingleAsync(f => f.Id == batch.ForceId, Ct);
            force.SwitchLifeAtRiskModel(false);
            await db.SaveChangesAsync(Ct);
        }
        host.Host.Services.GetRequiredService<Web.Triage.ForceIndicatorSets>().Forget(batch.ForceId);
        Assert.False(ContactIntake.IsUrgent((await intake.AssessAsync(batch.ForceId, ParseMessenger("m_b", "psid-b", modelOnly), batch.AccountId, Ct))!));
        await intake.ProcessAsync(batch.ForceId, [late with { Assessed = withModel }], Ct);

        await using var check = host.Dbs.ForForce(batch.ForceId);
        var ids = new[] { $"m_{marker}_1", $"m_{marker}_2" };
        var stored = await check.Messages.AsNoTracking().Where(m => ids.Contains(m.PlatformMessageId)).ToListAsync(Ct);
        var (firstId, secondId) = (stored.Single(m => m.PlatformMessageId == ids[0]).Id, stored.Single(m => m.PlatformMessageId == ids[1]).Id);
        var first = await check.RiskAssessments.AsNoTracking().SingleAsync(a => a.MessageId == firstId, Ct);
        Assert.Equal(0.123, first.Score, 3);
        var second = await check.RiskAssessments.AsNoTracking().SingleAsync(a => a.MessageId == secondId, Ct);
        Assert.False(second.LifeAtRisk);
        Assert.Null(second.LifeAtRiskModelVersion);
    }

    [Fact]
    public void An_urgent_event_takes_the_lane_that_carries_no_chatter()
    {
        var queue = new InboundEventQueue(Options.Create(new ChannelIntakeOptions { IntakeWorkers = 1 }));
        var (forceId, accountId) = (Guid.NewGuid(), Guid.NewGuid());
        var chatter = new StoredEventRef(forceId, accountId, Guid.NewGuid(), "thread-1");
        var urgent = new StoredEventRef(forceId, accountId, Guid.NewGuid(), "thread-1",
            Assessed: Core.Triage.TriageEngine.Default.Assess("I am going to kill myself tonight", new Core.Triage.TriageContext(ConversationKind.DirectMessage)));

        queue.Enqueue(chatter);
        queue.Enqueue(urgent);

        Assert.True(queue.UrgentLane.TryRead(out var first));
        Assert.Equal(urgent, first);
        Assert.False(queue.UrgentLane.TryRead(out _));
        Assert.True(queue.Lane(0).TryRead(out var other));
        Assert.Equal(chatter, other);
        Assert.False(queue.Lane(0).TryRead(out _));
    }

    private static ChannelEvent ParseMessenger(string mid, string psid, string text) =>
        MetaWebhookParser.Parse(ChannelsTests.MessengerBody(mid, psid, text, DateTimeOffset.UtcNow)).Events.Single();

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_batch_mixing_many_conversations_in_random_order_is_stored_in_platform_order(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, NoSweep);
        var batch = await EventTable.StartAsync(host);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var events = (from person in Enumerable.Range(0, 30)
                      from n in Enumerable.Range(0, 10)
                      select (Person: person, N: n)).OrderBy(_ => Random.Shared.Next()).ToList();
        var ids = new List<Guid>();
        foreach (var (person, n) in events)
            ids.Add(await batch.StoreAsync($"m_{marker}_{person:00}_{n}", $"psid-{marker}-{person:00}", $"sighting {n} of the red van, person {person:00} ({marker})", start.AddSeconds(n * 40 + person)));

        await batch.TakeInAsync(ids);

        var stored = await host.MessagesAsync(marker);
        Assert.Equal(300, stored.Count);
        var conversations = stored.GroupBy(m => m.ConversationId).ToList();
        Assert.Equal(30, conversations.Count);
        await using var db = host.Dbs.ForForce(batch.ForceId);
        var clusters = new List<Guid?>();
        foreach (var conversation in conversations)
        {
            // Shown in platform time, and the conversation's newest message is the one said last, not the last to arrive.
            var shown = conversation.OrderBy(m => m.SentAt).Select(m => m.Text).ToList();
            Assert.Equal(Enumerable.Range(0, 10).Select(n => $"sighting {n} of"), shown.Select(t => t[..(t.IndexOf(" of", StringComparison.Ordinal) + 3)]));
            var row = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Key, Ct);
            Assert.Equal(conversation.Max(m => m.SentAt).ToUnixTimeMilliseconds(), row.LastInboundAt!.Value.ToUnixTimeMilliseconds());
            Assert.StartsWith("sighting 9 of", row.Preview, StringComparison.Ordinal);
            clusters.Add(row.ClusterId);
        }
        // Thirty people reporting the same van in one batch are one surge on the desk.
        Assert.NotNull(Assert.Single(clusters.Distinct()));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Two_overlapping_batches_taken_in_at_once_store_every_message_once(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, NoSweep);
        var batch = await EventTable.StartAsync(host);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var ids = new List<Guid>();
        for (var n = 0; n < 150; n++)
            ids.Add(await batch.StoreAsync($"m_{marker}_{n:000}", $"psid-{marker}-{n % 10}", $"report {n:000} ({marker})", start.AddSeconds(n)));

        // Two workers (or two nodes) with a hundred events each, fifty of them the same: whichever loses the race
        // meets the winner's rows in the unique index and must still store its own fifty.
        await Task.WhenAll(Task.Run(() => batch.TakeInAsync(ids[..100]), Ct), Task.Run(() => batch.TakeInAsync(ids[50..]), Ct));

        var stored = await host.MessagesAsync(marker);
        Assert.Equal(150, stored.Count);
        Assert.Equal(150, stored.Select(m => m.PlatformMessageId).Distinct().Count());
        Assert.Equal(10, stored.Select(m => m.ConversationId).Distinct().Count());
        await using var db = host.Dbs.ForForce(batch.ForceId);
        Assert.Equal(0, await db.InboundEvents.CountAsync(e => e.ProcessedAt == null, Ct));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Events_handed_over_in_memory_and_found_again_by_the_sweep_at_the_same_time_are_each_one_message(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, NoSweep);
        var batch = await EventTable.StartAsync(host);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var queued = new List<StoredEventRef>();
        for (var n = 0; n < 60; n++)
            queued.Add(await batch.StoreQueuedAsync($"m_{marker}_{n:00}", $"psid-{marker}-{n % 6}", $"update {n:00} on the lost dog ({marker})", start.AddSeconds(n)));
        var intake = host.Host.Services.GetRequiredService<InboundEventIntake>();

        // The worker takes them as the webhook stored them, without reading them back; the sweep reads the same rows.
        await Task.WhenAll(
            Task.Run(() => intake.ProcessAsync(batch.ForceId, queued, Ct), Ct),
            Task.Run(() => intake.ProcessAsync(batch.ForceId, queued.Select(q => q.EventId).ToList(), Ct), Ct));

        var stored = await host.MessagesAsync(marker);
        Assert.Equal(60, stored.Count);
        Assert.Equal(60, stored.Select(m => m.PlatformMessageId).Distinct().Count());
        await using var db = host.Dbs.ForForce(batch.ForceId);
        var messageIds = stored.Select(m => m.Id).ToList();
        Assert.Equal(60, await db.RiskAssessments.CountAsync(a => messageIds.Contains(a.MessageId), Ct));
        Assert.Equal(0, await db.InboundEvents.CountAsync(e => e.ProcessedAt == null, Ct));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_message_brought_again_in_a_later_batch_is_answered_as_the_one_already_stored(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, NoSweep);
        var batch = await EventTable.StartAsync(host);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var contact = host.Host.Services.GetRequiredService<ContactIntake>();
        InboundMessage Inbound(int n) => new(batch.AccountId, Platform.Facebook, ConversationKind.DirectMessage, $"t_{marker}_{n % 2}", $"psid-{marker}-{n % 2}",
            "Sam", $"m_{marker}_{n}", $"Bin collection missed again, road {n} ({marker})", DateTimeOffset.UtcNow.AddMinutes(n - 10));
        var first = await contact.ReceiveAsync(batch.ForceId, [Inbound(0), Inbound(1), Inbound(2)], alongside: null, cancellationToken: Ct);

        // Brought again beside a new one: the stored ones are found by the batch's look-up, with their conversation's person.
        var again = await contact.ReceiveAsync(batch.ForceId, [Inbound(2), Inbound(3), Inbound(1)], alongside: null, cancellationToken: Ct);

        Assert.All(first, r => Assert.False(r.Duplicate));
        Assert.Equal([true, false, true], again.Select(r => r.Duplicate));
        Assert.Equal(first[2], again[0] with { Duplicate = false });
        Assert.Equal(first[1], again[2] with { Duplicate = false });
        Assert.Equal(first[1].PersonId, again[1].PersonId);
        Assert.Equal(4, (await host.MessagesAsync(marker)).Count);
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_new_alarm_in_a_batch_reopens_the_handover_the_desk_stood_down(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, NoSweep);
        var batch = await EventTable.StartAsync(host);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await batch.TakeInAsync([await batch.StoreAsync($"m_{marker}_0", $"psid-{marker}", $"I'm going to kill myself tonight ({marker})", start)]);
        var first = Assert.Single(await host.MessagesAsync(marker));
        Guid handoverId;
        await using (var db = host.Dbs.ForForce(batch.ForceId))
            handoverId = await db.Handovers.Where(h => h.ConversationId == first.ConversationId).Select(h => h.Id).SingleAsync(Ct);
        using (var desk = await host.Host.LoginAsync(Roles.Operator))
        {
            var overturn = new
            {
                grade = 4, threat = "none identified", harm = "none identified", risk = "low", investigation = "none", vulnerability = "none identified",
                engagement = "reply with advice", rationale = "Song lyrics, confirmed safe", lifeAtRisk = false,
            };
            Assert.Equal(System.Net.HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{first.ConversationId}/assessments", overturn, Ct)).StatusCode);
        }

        // The next message of the same person comes in a batch beside other people's chatter.
        var events = new List<Guid>();
        for (var n = 1; n <= 5; n++)
            events.Add(await batch.StoreAsync($"m_{marker}_{n}", $"psid-{marker}-other-{n}", $"Chatter {n} about parking ({marker})", start.AddSeconds(n)));
        events.Add(await batch.StoreAsync($"m_{marker}_again", $"psid-{marker}", $"no really im on the bridge now and im going to jump ({marker})", start.AddSeconds(10)));
        await batch.TakeInAsync(events);

        await using var check = host.Dbs.ForForce(batch.ForceId);
        var handover = await check.Handovers.AsNoTracking().SingleAsync(h => h.ConversationId == first.ConversationId, Ct);
        Assert.Equal(handoverId, handover.Id);
        Assert.Equal(HandoverStatus.Open, handover.Status);
        var conversation = await check.Conversations.AsNoTracking().SingleAsync(c => c.Id == first.ConversationId, Ct);
        Assert.True(conversation.LifeAtRisk);
        Assert.Equal(handoverId, conversation.HandoverId);
        Assert.Contains("bridge", handover.Summary, StringComparison.Ordinal);
    }

    /// <summary>Writes Messenger events straight into the event table, as the webhook would, and hands them to the intake as one batch.</summary>
    private sealed class EventTable(ChannelHost host, Guid forceId, Guid accountId)
    {
        public Guid ForceId { get; } = forceId;

        public Guid AccountId { get; } = accountId;

        public static async Task<EventTable> StartAsync(ChannelHost host)
        {
            var forceId = await host.DemoForceIdAsync();
            await using var db = host.Dbs.ForForce(forceId);
            var accountId = await db.Accounts.Where(a => a.Platform == Platform.Facebook).Select(a => a.Id).SingleAsync(Ct);
            return new EventTable(host, forceId, accountId);
        }

        public async Task<Guid> StoreAsync(string mid, string psid, string text, DateTimeOffset at, string? key = null) =>
            (await StoreQueuedAsync(mid, psid, text, at, key)).EventId;

        /// <summary>Stores the event and returns it as the webhook queues it: with the row and the parsed event in hand.</summary>
        public async Task<StoredEventRef> StoreQueuedAsync(string mid, string psid, string text, DateTimeOffset at, string? key = null)
        {
            var channelEvent = MetaWebhookParser.Parse(ChannelsTests.MessengerBody(mid, psid, text, at)).Events.Single();
            var row = new InboundEvent(Guid.CreateVersion7(), ForceId, AccountId, Platform.Facebook, key ?? ChannelEventJson.KeyOf(channelEvent),
                channelEvent.PlatformMessageId, ChannelEventJson.Write(channelEvent), channelEvent.RawPayload, InboundEventStore.FromWebhook, at, DateTimeOffset.UtcNow);
            await using var db = host.Dbs.ForForce(ForceId);
            db.InboundEvents.Add(row);
            await db.SaveChangesAsync(Ct);
            return new StoredEventRef(ForceId, AccountId, row.Id, channelEvent.ThreadKey, new StoredEvent(row, channelEvent));
        }

        public Task TakeInAsync(IReadOnlyCollection<Guid> eventIds) =>
            host.Host.Services.GetRequiredService<InboundEventIntake>().ProcessAsync(ForceId, eventIds, Ct);
    }
}
