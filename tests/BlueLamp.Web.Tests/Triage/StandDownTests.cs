using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Tests.Channels;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>
/// Overturning a life-at-risk alarm stands the control-room handover down, over real HTTP on both databases and to a
/// command-and-control receiver on loopback: what the control room sees, what command and control is told, and who wins
/// when the control room acknowledges at the same moment.
/// </summary>
public sealed class StandDownTests
{
    private const string Secret = "test-shared-secret-0123456789abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Triage:CommandAndControl:SendInterval"] = "00:00:00.200",
        ["Triage:CommandAndControl:FirstRetryDelay"] = "00:00:00.500",
        ["Triage:CommandAndControl:LongestRetryDelay"] = "00:00:02",
    };

    private static object Overturn(string rationale, int grade = 4) => new
    {
        grade, threat = "none identified", harm = "none identified", risk = "low", investigation = "none", vulnerability = "none identified",
        engagement = "reply with advice", rationale, lifeAtRisk = false,
    };

    private static async Task<(Guid ConversationId, Guid HandoverId, HttpClient Visitor, string Token)> LifeAtRiskAsync(ChannelHost host, string text, HttpClient? visitor = null, string? token = null)
    {
        visitor ??= host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/demo/messages")
        {
            Content = JsonContent.Create(new { text, clientMessageId = Guid.NewGuid().ToString("N"), name = "Sam" }),
        };
        if (token is not null)
            request.Headers.Add("X-Visitor-Token", token);
        var posted = await (await visitor.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var messageId = posted.GetProperty("messageId").GetGuid();
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        var conversationId = await db.Messages.Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
        var handoverId = await db.Handovers.Where(h => h.ConversationId == conversationId).Select(h => h.Id).SingleAsync(Ct);
        return (conversationId, handoverId, visitor, posted.GetProperty("visitorToken").GetString()!);
    }

    private static async Task<Handover> HandoverAsync(ChannelHost host, Guid handoverId)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        return await db.Handovers.AsNoTracking().SingleAsync(h => h.Id == handoverId, Ct);
    }

    private static async Task LinkAsync(ChannelHost host, string url)
    {
        using var admin = await host.Host.LoginAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/command-and-control", new { enabled = true, endpointUrl = url, secret = Secret }, Ct)).StatusCode);
    }

    private static async Task<JsonElement> ListedAsync(HttpClient controlRoom, Guid handoverId) =>
        (await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct)).EnumerateArray().Single(h => h.GetProperty("handoverId").GetGuid() == handoverId);

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Overturning_the_alarm_stands_the_handover_down_tells_command_and_control_and_the_control_room_may_still_keep_it(string provider)
    {
        await using var receiver = new CommandAndControlReceiver(Secret);
        await receiver.StartAsync();
        await using var host = await ChannelHost.StartAsync(provider, Fast);
        await LinkAsync(host, receiver.Url);
        var (conversationId, handoverId, visitor, _) = await LifeAtRiskAsync(host, "I can't go on, I've got the pills ready and I'm taking them all tonight");
        await Eventually.GetAsync(() => HandoverAsync(host, handoverId), h => h.IncidentNumber is not null, "the handover delivered to command and control");

        using var desk = await host.Host.LoginAsync(Roles.Operator);
        await desk.PostAsync($"/api/desk/conversations/{conversationId}/claim", null, Ct);
        const string reason = "Song lyrics she posts every night; spoke to her on chat, safe at home with family";
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", Overturn(reason), Ct)).StatusCode);

        var stoodDown = await HandoverAsync(host, handoverId);
        Assert.Equal(HandoverStatus.StoodDown, stoodDown.Status);
        Assert.Equal(reason, stoodDown.StandDownReason);
        Assert.NotNull(stoodDown.StoodDownAt);
        Assert.False(string.IsNullOrEmpty(stoodDown.StoodDownByName));

        // Command and control is told, signed, after the handover, under a key of its own (it is not a second incident).
        var update = await Eventually.GetAsync(() => Task.FromResult(receiver.Requests.Skip(1).FirstOrDefault()), r => r is not null, "the stand-down message");
        Assert.True(update!.SignatureValid);
        Assert.NotEqual(handoverId.ToString("D"), update.IdempotencyKey);
        var body = JsonDocument.Parse(update.Body).RootElement;
        Assert.Equal("bluelamp.handover-update.v1", body.GetProperty("schema").GetString());
        Assert.Equal("stood_down", body.GetProperty("change").GetString());
        Assert.Equal(handoverId, body.GetProperty("handoverId").GetGuid());
        Assert.Equal(update.IdempotencyKey, body.GetProperty("updateId").GetGuid().ToString("D"));
        Assert.Equal(1, body.GetProperty("sequence").GetInt32());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        Assert.False(body.GetProperty("desk").GetProperty("lifeAtRisk").GetBoolean());
        Assert.Equal(1, receiver.IncidentCount);

        // The control room sees it at the top of its work, with the reason, and that command and control was told.
        using var controlRoom = await host.Host.LoginAsync(Roles.ControlRoom);
        var listed = await Eventually.GetAsync(() => ListedAsync(controlRoom, handoverId),
            h => h.GetProperty("standDown").GetProperty("commandAndControl").ValueKind == JsonValueKind.Object
                && h.GetProperty("standDown").GetProperty("commandAndControl").GetProperty("deliveredAt").ValueKind == JsonValueKind.String, "the stand-down shown as delivered");
        Assert.Equal((int)HandoverStatus.StoodDown, listed.GetProperty("status").GetInt32());
        Assert.True(listed.GetProperty("needsControlRoom").GetBoolean());
        Assert.Equal(reason, listed.GetProperty("standDown").GetProperty("reason").GetString());

        // The desk may close: it no longer judges this grade 1 or life at risk.
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/close", new { outcome = "advice_given" }, Ct)).StatusCode);

        // The control room keeps the job anyway: it is acknowledged, the stand-down stays on record, and it can no longer be "confirmed".
        Assert.Equal(HttpStatusCode.OK, (await controlRoom.PostAsJsonAsync($"/api/control-room/handovers/{handoverId}/acknowledge", new { incidentNumber = "0412 26/11/26" }, Ct)).StatusCode);
        var kept = await HandoverAsync(host, handoverId);
        Assert.Equal((HandoverStatus.Acknowledged, "0412 26/11/26", reason), (kept.Status, kept.IncidentNumber, kept.StandDownReason));
        var confirm = await controlRoom.PostAsync($"/api/control-room/handovers/{handoverId}/stand-down/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Contains("kept it", await confirm.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.HandoverStoodDown && e.SubjectId == handoverId.ToString(), Ct));
        Assert.Contains("stood down", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.LifeAtRiskOverturned, Ct)).Detail, StringComparison.Ordinal);
        Assert.Contains("kept by the control room", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.HandoverAcknowledged, Ct)).Detail, StringComparison.Ordinal);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.HandoverSentToCommandAndControl && e.SubjectId == handoverId.ToString(), Ct));
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct);
        Assert.Equal(handoverId, conversation.HandoverId); // the kept handover is the conversation's again
        visitor.Dispose();
    }

    [Fact]
    public async Task A_new_alarm_after_a_stand_down_reopens_the_handover_and_command_and_control_is_told_in_order()
    {
        await using var receiver = new CommandAndControlReceiver(Secret);
        await receiver.StartAsync();
        await using var host = await ChannelHost.StartAsync("Sqlite", Fast);
        await LinkAsync(host, receiver.Url);
        var (conversationId, handoverId, visitor, token) = await LifeAtRiskAsync(host, "I want to end it tonight, I've got the pills ready");
        await Eventually.GetAsync(() => HandoverAsync(host, handoverId), h => h.IncidentNumber is not null, "the handover delivered");
        using var desk = await host.Host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", Overturn("Lyrics; safe and well"), Ct)).StatusCode);

        var (_, again, _, _) = await LifeAtRiskAsync(host, "Actually I'm on the bridge now and I'm going to jump", visitor, token);

        Assert.Equal(handoverId, again);
        Assert.Equal(HandoverStatus.Open, (await HandoverAsync(host, handoverId)).Status);
        var requests = await Eventually.GetAsync(() => Task.FromResult(receiver.Requests), r => r.Count >= 3, "the handover, its stand-down and its re-opening");
        var bodies = requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["bluelamp.handover.v1", "bluelamp.handover-update.v1", "bluelamp.handover-update.v1"], bodies.Select(b => b.GetProperty("schema").GetString()));
        Assert.Equal(["stood_down", "reopened"], bodies.Skip(1).Select(b => b.GetProperty("change").GetString()));
        Assert.Equal([1, 2], bodies.Skip(1).Select(b => b.GetProperty("sequence").GetInt32()));
        Assert.Contains("bridge", bodies[2].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(bodies[2].GetProperty("desk").GetProperty("lifeAtRisk").GetBoolean());
        Assert.Equal(3, requests.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Equal(1, receiver.IncidentCount);
        visitor.Dispose();
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Once_the_control_room_has_acknowledged_the_desk_cannot_stand_the_handover_down(string provider)
    {
        await using var receiver = new CommandAndControlReceiver(Secret);
        await receiver.StartAsync();
        await using var host = await ChannelHost.StartAsync(provider, Fast);
        await LinkAsync(host, receiver.Url);
        var (conversationId, handoverId, visitor, _) = await LifeAtRiskAsync(host, "I'm going to kill myself tonight, I've got the rope ready");
        await Eventually.GetAsync(() => HandoverAsync(host, handoverId), h => h.IncidentNumber is not null, "the handover delivered");
        using var controlRoom = await host.Host.LoginAsync(Roles.ControlRoom);
        Assert.Equal(HttpStatusCode.OK, (await controlRoom.PostAsJsonAsync($"/api/control-room/handovers/{handoverId}/acknowledge", new { incidentNumber = "" }, Ct)).StatusCode);

        using var desk = await host.Host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", Overturn("Quoting a film"), Ct)).StatusCode);

        var handover = await HandoverAsync(host, handoverId);
        Assert.Equal(HandoverStatus.Acknowledged, handover.Status);
        Assert.Null(handover.StoodDownAt);
        var refused = await controlRoom.PostAsync($"/api/control-room/handovers/{handoverId}/stand-down/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        Assert.Contains("stays with the control room", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.LifeAtRiskOverturned, Ct)).Detail, StringComparison.Ordinal);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.HandoverStoodDown, Ct));
        Assert.False(await db.HandoverDispatches.AnyAsync(d => d.HandoverId == handoverId && d.Kind != HandoverDispatchKind.Handover, Ct));
        visitor.Dispose();
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task An_acknowledgement_and_a_stand_down_at_the_same_moment_end_in_one_clear_state_and_the_loser_is_told(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        using var desk = await host.Host.LoginAsync(Roles.Operator);
        using var controlRoom = await host.Host.LoginAsync(Roles.ControlRoom);
        for (var round = 0; round < 6; round++)
        {
            var (conversationId, handoverId, visitor, _) = await LifeAtRiskAsync(host, $"I'm going to end it tonight, I have the tablets here ({round})");
            var standDown = desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", Overturn($"Round {round}: a joke between friends"), Ct);
            var acknowledge = controlRoom.PostAsJsonAsync($"/api/control-room/handovers/{handoverId}/acknowledge", new { incidentNumber = $"04{round}2 26/11/26" }, Ct);
            using var stood = await standDown;
            using var acked = await acknowledge;

            var handover = await HandoverAsync(host, handoverId);
            await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
            var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct);
            var standDownAudited = await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.HandoverStoodDown && e.SubjectId == handoverId.ToString(), Ct);
            var acknowledgedAudited = await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.HandoverAcknowledged && e.SubjectId == handoverId.ToString(), Ct);
            if (stood.StatusCode != HttpStatusCode.Created)
                Assert.Contains("control room acknowledged the handover at the same moment", await stood.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            if (acked.StatusCode != HttpStatusCode.OK)
                Assert.Contains("stood this handover down at the same moment", await acked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.True(stood.StatusCode == HttpStatusCode.Created || acked.StatusCode == HttpStatusCode.OK, "one of the two always wins");
            // Whatever the order, what is stored agrees with itself and with the audit trail.
            if (handover.Status == HandoverStatus.Acknowledged)
            {
                Assert.True(acknowledgedAudited);
                Assert.Equal(handoverId, conversation.HandoverId);
                Assert.NotNull(conversation.HandoverAcknowledgedAt);
                Assert.Equal(standDownAudited, handover.StoodDownAt is not null); // kept after a stand-down, or never stood down
            }
            else
            {
                Assert.Equal(HandoverStatus.StoodDown, handover.Status);
                Assert.True(standDownAudited);
                Assert.False(acknowledgedAudited);
                Assert.Null(conversation.HandoverId);
                Assert.False(conversation.LifeAtRisk);
            }
            visitor.Dispose();
        }
    }
}
