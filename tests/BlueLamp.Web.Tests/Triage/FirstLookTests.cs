using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Web.Contact;
using BlueLamp.Web.Supervision;
using BlueLamp.Web.Tests.Channels;
using BlueLamp.Web.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>
/// The first-look safety net over real HTTP on SQLite and PostgreSQL, with a fake clock: an unread private message is due
/// within the force's first-look limit whatever its grade, opening it lifts that, a new message starts a new first look,
/// public comments keep their grade's deadline, and a missed first look is recorded apart from SLA breaches.
/// </summary>
public sealed class FirstLookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task An_unread_grade_4_message_is_due_for_a_first_look_until_opened_and_a_new_message_starts_another(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, time: _time);
        var forceId = await host.DemoForceIdAsync();
        var comment = await CommentAsync(host, forceId, "Great work by the officers at the fun day on Saturday, the kids loved the horses");
        var commentArrived = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        var chat = await WebChat.StartAsync(host, "What time does the front counter at the central station open on Saturday?");
        var dmArrived = _time.GetUtcNow();
        using var op = await host.Host.LoginAsync(Roles.Operator);

        var queue = await QueueAsync(op);
        var dm = Line(queue, chat.ConversationId);
        Assert.Equal(4, dm.GetProperty("grade").GetInt32());
        Assert.Equal(dmArrived.AddHours(72), dm.GetProperty("slaDueAt").GetDateTimeOffset());
        Assert.Equal(dmArrived.AddMinutes(30), dm.GetProperty("firstLookDueAt").GetDateTimeOffset());
        Assert.Equal(dmArrived.AddMinutes(30), dm.GetProperty("dueAt").GetDateTimeOffset());
        // The public comment keeps its grade's deadline only, and the newer private message sorts above it.
        var publicLine = Line(queue, comment);
        Assert.Equal(JsonValueKind.Null, publicLine.GetProperty("firstLookDueAt").ValueKind);
        Assert.Equal(publicLine.GetProperty("slaDueAt").GetDateTimeOffset(), publicLine.GetProperty("dueAt").GetDateTimeOffset());
        Assert.True(publicLine.GetProperty("slaDueAt").GetDateTimeOffset() > commentArrived.AddHours(1));
        Assert.True(IndexOf(queue, chat.ConversationId) < IndexOf(queue, comment));

        // Opening it is the first look: the deadline is the grade's again, and the grade is untouched.
        _time.Advance(TimeSpan.FromMinutes(10));
        var opened = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{chat.ConversationId}", Ct);
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("triage").GetProperty("firstLookDueAt").ValueKind);
        Assert.Equal(_time.GetUtcNow(), opened.GetProperty("triage").GetProperty("firstLookedAt").GetDateTimeOffset());
        dm = Line(await QueueAsync(op), chat.ConversationId);
        Assert.Equal(JsonValueKind.Null, dm.GetProperty("firstLookDueAt").ValueKind);
        Assert.Equal(dmArrived.AddHours(72), dm.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(4, dm.GetProperty("grade").GetInt32());

        // A new message to the looked-at conversation starts a new first look from its arrival.
        _time.Advance(TimeSpan.FromMinutes(5));
        await chat.SayAsync("Also, can I hand in a lost purse there?");
        var secondArrived = _time.GetUtcNow();
        dm = Line(await QueueAsync(op), chat.ConversationId);
        Assert.Equal(secondArrived.AddMinutes(30), dm.GetProperty("firstLookDueAt").GetDateTimeOffset());
        Assert.Equal(4, dm.GetProperty("grade").GetInt32());
        Assert.False(dm.GetProperty("lifeAtRisk").GetBoolean());

        // Missed: recorded once, apart from SLA breaches, and counted on the supervisor's wall; the comment is not. (The
        // host's own clock also ticks when the fake time moves, so what is recorded is read from the database.)
        var clock = host.Host.Services.GetRequiredService<DeskClock>();
        _time.Advance(TimeSpan.FromMinutes(29));
        await clock.RunOnceAsync(Ct);
        Assert.Equal(0, await FirstLookBreachesAsync(host, forceId));
        _time.Advance(TimeSpan.FromMinutes(1));
        await clock.RunOnceAsync(Ct);
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).FirstLookBreaches);
        Assert.Equal(1, await FirstLookBreachesAsync(host, forceId));
        var wall = await host.Host.Services.GetRequiredService<DeskWall>().TakeAsync(forceId, Ct);
        Assert.Equal(1, wall.FirstLooksOverdue);
        Assert.Equal(0, wall.SlaOverdue);
        Assert.Contains(wall.Deadlines!, d => d.ConversationId == chat.ConversationId && d.FirstLook && d.Breached);
        Assert.DoesNotContain(wall.Deadlines!, d => d.ConversationId == comment);

        await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{chat.ConversationId}", Ct);
        await using var db = host.Dbs.ForForce(forceId);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == chat.ConversationId, Ct);
        Assert.Null(conversation.FirstLookWaitingSince);
        Assert.Null(conversation.FirstLookBreachedAt);
        Assert.Equal(1, conversation.FirstLookBreachCount);
        Assert.Equal(0, conversation.SlaBreachCount);
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SlaBreached, Ct));
        var missed = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.FirstLookBreached).ToListAsync(Ct);
        Assert.Equal(chat.ConversationId.ToString("D"), Assert.Single(missed).SubjectId);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ConversationOpened && e.SubjectId == chat.ConversationId.ToString("D"), Ct));
        Assert.Equal(0, (await host.Host.Services.GetRequiredService<DeskWall>().TakeAsync(forceId, Ct)).FirstLooksOverdue);
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task An_administrator_sets_the_first_look_limit_a_bad_one_changes_nothing_and_every_change_is_audited(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider, time: _time);
        var forceId = await host.DemoForceIdAsync();
        using var admin = await host.Host.LoginAsync(Roles.Administrator);
        using var op = await host.Host.LoginAsync(Roles.Operator);

        var shown = await admin.GetFromJsonAsync<JsonElement>("/api/settings/first-look", Ct);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("minutes").ValueKind);
        Assert.Equal(30, shown.GetProperty("inUseMinutes").GetInt32());

        foreach (var bad in new[] { 0, -5, 1441 })
        {
            var refused = await admin.PutAsJsonAsync("/api/settings/first-look", new { minutes = bad }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("between 1 minute and 24 hours", problem.GetProperty("errors").GetProperty("minutes")[0].GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PutAsJsonAsync("/api/settings/first-look", new { minutes = 5 }, Ct)).StatusCode);
        Assert.Equal(30, (await admin.GetFromJsonAsync<JsonElement>("/api/settings/first-look", Ct)).GetProperty("inUseMinutes").GetInt32());
        await using (var db = host.Dbs.ForForce(forceId))
            Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.FirstLookSettingsChanged, Ct));

        var set = await admin.PutAsJsonAsync("/api/settings/first-look", new { minutes = 10 }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(10, (await set.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("inUseMinutes").GetInt32());
        var chat = await WebChat.StartAsync(host, "Is there anywhere to park near the station?");
        Assert.Equal(_time.GetUtcNow().AddMinutes(10), Line(await QueueAsync(op), chat.ConversationId).GetProperty("firstLookDueAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/settings/first-look", new { minutes = (int?)null }, Ct)).StatusCode);
        Assert.Equal(_time.GetUtcNow().AddMinutes(30), Line(await QueueAsync(op), chat.ConversationId).GetProperty("firstLookDueAt").GetDateTimeOffset());
        await using (var db = host.Dbs.ForForce(forceId))
        {
            var changes = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.FirstLookSettingsChanged).OrderBy(e => e.Sequence).ToListAsync(Ct);
            Assert.Equal(["first look within: 30 min → 10 min", "first look within: 10 min → (default) 30 min"], changes.Select(e => e.Detail));
            Assert.All(changes, e => Assert.Equal("force", e.SubjectType));
        }
    }

    private static async Task<int> FirstLookBreachesAsync(ChannelHost host, Guid forceId)
    {
        await using var db = host.Dbs.ForForce(forceId);
        return await db.AuditEvents.CountAsync(e => e.Action == AuditActions.FirstLookBreached, Ct);
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/desk/queue", Ct)).EnumerateArray().ToList();

    private static JsonElement Line(List<JsonElement> queue, Guid conversationId) =>
        queue.Single(i => i.GetProperty("conversationId").GetGuid() == conversationId);

    private static int IndexOf(List<JsonElement> queue, Guid conversationId) =>
        queue.FindIndex(i => i.GetProperty("conversationId").GetGuid() == conversationId);

    /// <summary>A public comment under the force's Facebook post, taken in as the webhook would hand it over.</summary>
    private static async Task<Guid> CommentAsync(ChannelHost host, Guid forceId, string text)
    {
        Guid accountId;
        await using (var db = host.Dbs.ForForce(forceId))
            accountId = await db.Accounts.Where(a => a.Platform == Platform.Facebook).Select(a => a.Id).FirstAsync(Ct);
        var id = Guid.NewGuid().ToString("N");
        var result = await host.Host.Services.GetRequiredService<ContactIntake>().ReceiveAsync(forceId,
            new InboundMessage(accountId, Platform.Facebook, ConversationKind.CommentThread, $"comments:post_1:{id}", $"fb-{id}", "Sam Jones",
                $"comment_{id}", text, DateTimeOffset.UtcNow, "post_1"), Ct);
        return result.ConversationId;
    }

    /// <summary>A member of the public on the force's web chat, who can write again in the same conversation.</summary>
    private sealed class WebChat(HttpClient visitor, string token, Guid conversationId)
    {
        public Guid ConversationId { get; } = conversationId;

        public static async Task<WebChat> StartAsync(ChannelHost host, string text)
        {
            var visitor = host.NewClient();
            var posted = await PostAsync(visitor, null, text);
            await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
            var messageId = posted.GetProperty("messageId").GetGuid();
            var conversationId = await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
            return new WebChat(visitor, posted.GetProperty("visitorToken").GetString()!, conversationId);
        }

        public Task SayAsync(string text) => PostAsync(visitor, token, text);

        private static async Task<JsonElement> PostAsync(HttpClient visitor, string? token, string text)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/demo/messages") { Content = JsonContent.Create(new { text, clientMessageId = Guid.NewGuid().ToString("N") }) };
            if (token is not null)
                request.Headers.Add("X-Visitor-Token", token);
            var response = await visitor.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }
    }
}
