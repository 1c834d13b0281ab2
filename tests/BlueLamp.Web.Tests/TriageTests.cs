using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using BlueLamp.Web.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlueLamp.Web.Tests;

/// <summary>The life-at-risk path over real HTTP, with a fake clock for the deadlines.</summary>
public sealed class TriageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 2, 47, 0, TimeSpan.Zero));
    private BlueLampHost _host = default!;

    public ValueTask InitializeAsync()
    {
        _host = new BlueLampHost(time: _time);
        _ = _host.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Guid ConversationId, HttpClient Visitor, string Token)> WriteAsync(string text, string? token = null)
    {
        var visitor = _host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/demo/messages") { Content = JsonContent.Create(new { text, clientMessageId = Guid.NewGuid().ToString("N") }) };
        if (token is not null)
            request.Headers.Add("X-Visitor-Token", token);
        var posted = await (await visitor.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var messageId = posted.GetProperty("messageId").GetGuid();
        await using var db = await DemoDbAsync();
        var conversationId = await db.Messages.Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
        return (conversationId, visitor, posted.GetProperty("visitorToken").GetString()!);
    }

    private async Task<BlueLampDb> DemoDbAsync()
    {
        var dbs = _host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        var force = await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct);
        return dbs.ForForce(force.Id);
    }

    private async Task<JsonElement> TranscriptAsync(HttpClient visitor, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/demo/transcript");
        request.Headers.Add("X-Visitor-Token", token);
        return await (await visitor.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task A_suicidal_message_is_graded_1_life_at_risk_gets_one_holding_reply_and_a_handover()
    {
        var (conversationId, visitor, token) = await WriteAsync("I can't go on any more. I've got the pills ready and I'm going to take them all tonight");
        using var op = await _host.LoginAsync(Roles.Operator);

        var view = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        var triage = view.GetProperty("triage");
        Assert.True(triage.GetProperty("lifeAtRisk").GetBoolean());
        Assert.Equal(1, view.GetProperty("grade").GetInt32());
        Assert.Equal("suicide_self_harm", triage.GetProperty("latest").GetProperty("categoryCode").GetString());
        Assert.Contains(triage.GetProperty("latest").GetProperty("indicators").EnumerateArray(), i => i.GetProperty("text").GetString()!.Contains("pills", StringComparison.OrdinalIgnoreCase));
        // The deadline is the grade 1 allowance from when it arrived.
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), triage.GetProperty("slaDueAt").GetDateTimeOffset());

        var transcript = await TranscriptAsync(visitor, token);
        var holding = Assert.Single(transcript.EnumerateArray(), m => m.GetProperty("fromForce").GetBoolean());
        Assert.Contains("call 999", holding.GetProperty("text").GetString(), StringComparison.Ordinal);

        // A second alarming message adds to the same handover and does not send the holding reply again.
        await WriteAsync("nobody will miss me anyway", token);
        transcript = await TranscriptAsync(visitor, token);
        Assert.Single(transcript.EnumerateArray(), m => m.GetProperty("fromForce").GetBoolean());

        using var controlRoom = await _host.LoginAsync(Roles.ControlRoom);
        var handovers = await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct);
        var handover = Assert.Single(handovers.EnumerateArray());
        Assert.Contains("pills ready", handover.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, handover.GetProperty("status").GetInt32());
        visitor.Dispose();
    }

    [Fact]
    public async Task A_Welsh_life_at_risk_message_gets_the_Welsh_holding_reply_once_and_no_longer_deadline()
    {
        var (conversationId, visitor, token) = await WriteAsync("Dwi ddim yn gallu mynd ymlaen. Dwi'n mynd i ladd fy hun heno, mae'r tabledi gen i");
        using var op = await _host.LoginAsync(Roles.Operator);

        var view = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.True(view.GetProperty("triage").GetProperty("lifeAtRisk").GetBoolean());
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), view.GetProperty("triage").GetProperty("slaDueAt").GetDateTimeOffset());
        await WriteAsync("Does neb yn malio", token);
        var holding = Assert.Single((await TranscriptAsync(visitor, token)).EnumerateArray(), m => m.GetProperty("fromForce").GetBoolean());
        Assert.Equal(HoldingReply.Welsh, holding.GetProperty("text").GetString());
        visitor.Dispose();
    }

    [Fact]
    public async Task An_operator_marking_life_at_risk_raises_the_alarm_opens_a_handover_and_sends_the_holding_reply_once()
    {
        var (conversationId, visitor, token) = await WriteAsync("Please can someone call my sister back on her mobile, she asked me to message you about her neighbour");
        using var op = await _host.LoginAsync(Roles.Operator);
        var before = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.False(before.GetProperty("triage").GetProperty("lifeAtRisk").GetBoolean());

        var marked = await op.PostAsync($"/api/desk/conversations/{conversationId}/life-at-risk", null, Ct);
        var again = await op.PostAsync($"/api/desk/conversations/{conversationId}/life-at-risk", null, Ct);

        Assert.True(marked.IsSuccessStatusCode, await marked.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var after = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.True(after.GetProperty("triage").GetProperty("lifeAtRisk").GetBoolean());
        var holding = Assert.Single((await TranscriptAsync(visitor, token)).EnumerateArray(), m => m.GetProperty("fromForce").GetBoolean());
        Assert.Equal(HoldingReply.English, holding.GetProperty("text").GetString());
        await using var db = await DemoDbAsync();
        var handover = await db.Handovers.SingleAsync(h => h.ConversationId == conversationId, Ct);
        Assert.Equal(HandoverStatus.Open, handover.Status);
        Assert.Contains(await _host.Services.GetRequiredService<LifeAtRiskAlarms>().CurrentAsync(handover.ForceId, Ct),
            a => a.ConversationId == conversationId && a.Kind == AlarmKind.LifeAtRiskUntaken);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ConversationMarkedLifeAtRisk && e.SubjectId == conversationId.ToString("D"), Ct));
        visitor.Dispose();
    }

    [Fact]
    public async Task A_forces_own_holding_reply_and_acknowledgement_limit_are_used_and_bad_ones_change_nothing()
    {
        using var admin = await _host.LoginAsync(Roles.Administrator);
        const string english = "Thanks for your message, we have seen it and are dealing with it now. If you are in danger right now, call 999.";
        const string welsh = "Diolch am eich neges, rydyn ni wedi'i gweld. Os ydych chi mewn perygl nawr, ffoniwch 999.";

        var no999 = await admin.PutAsJsonAsync("/api/settings/life-at-risk", new { holdingReplyEnglish = "We have seen your message.", holdingReplyWelsh = welsh, handoverAcknowledgeSeconds = 60 }, Ct);
        var promise = await admin.PutAsJsonAsync("/api/settings/life-at-risk", new { holdingReplyEnglish = "Officers are on their way. Call 999 if you are in danger.", holdingReplyWelsh = welsh, handoverAcknowledgeSeconds = 60 }, Ct);
        var tooShort = await admin.PutAsJsonAsync("/api/settings/life-at-risk", new { holdingReplyEnglish = english, holdingReplyWelsh = welsh, handoverAcknowledgeSeconds = 5 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, no999.StatusCode);
        Assert.Contains("999", await no999.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, promise.StatusCode);
        Assert.Contains("on their way", await promise.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        var unchanged = await admin.GetFromJsonAsync<JsonElement>("/api/settings/life-at-risk", Ct);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("holdingReplyEnglish").ValueKind);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("handoverAcknowledgeSeconds").ValueKind);
        using (var op = await _host.LoginAsync(Roles.Operator))
            Assert.Equal(HttpStatusCode.Forbidden, (await op.PutAsJsonAsync("/api/settings/life-at-risk", new { holdingReplyEnglish = english }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/settings/life-at-risk", new { holdingReplyEnglish = english, holdingReplyWelsh = welsh, handoverAcknowledgeSeconds = 60 }, Ct)).StatusCode);

        var (conversationId, visitor, token) = await WriteAsync("I want to end it all tonight, I have a rope");
        var holding = Assert.Single((await TranscriptAsync(visitor, token)).EnumerateArray(), m => m.GetProperty("fromForce").GetBoolean());
        Assert.Equal(english, holding.GetProperty("text").GetString());
        var clock = _host.Services.GetRequiredService<DeskClock>();
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Escalations);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await clock.RunOnceAsync(Ct)).Escalations);
        await using var db = await DemoDbAsync();
        Assert.Equal(HandoverStatus.Escalated, (await db.Handovers.SingleAsync(h => h.ConversationId == conversationId, Ct)).Status);
        var audited = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.LifeAtRiskSettingsChanged, Ct);
        Assert.Contains("60 s", audited.Detail, StringComparison.Ordinal);
        visitor.Dispose();
    }

    [Fact]
    public async Task A_life_at_risk_conversation_cannot_close_until_the_control_room_acknowledges_with_an_incident_number()
    {
        var (conversationId, visitor, _) = await WriteAsync("My brother says he is going to kill himself, he is on the bridge right now");
        using var op = await _host.LoginAsync(Roles.Operator);
        await op.PostAsync($"/api/desk/conversations/{conversationId}/claim", null, Ct);
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", new
        {
            grade = 1, threat = "Threat to life: on a bridge", harm = "Death", risk = "High", investigation = "Locate the brother",
            vulnerability = "Suicidal", engagement = "Keep the caller talking; control room deploying", rationale = "Immediate threat to life",
        }, Ct)).StatusCode);

        var early = await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/close", new { outcome = "handed_to_control_room" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("control room has acknowledged", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var controlRoom = await _host.LoginAsync(Roles.ControlRoom);
        var handoverId = (await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct))[0].GetProperty("handoverId").GetGuid();
        var badNumber = await controlRoom.PostAsJsonAsync($"/api/control-room/handovers/{handoverId}/acknowledge", new { incidentNumber = "soon" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.Contains("0412 25/11/26", await badNumber.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(HttpStatusCode.OK, (await controlRoom.PostAsJsonAsync($"/api/control-room/handovers/{handoverId}/acknowledge", new { incidentNumber = "0247 25/11/26" }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/close", new { outcome = "handed_to_control_room" }, Ct)).StatusCode);
        var view = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.Contains(view.GetProperty("references").EnumerateArray(), r => r.GetProperty("value").GetString() == "0247 25/11/26");
        await using var db = await DemoDbAsync();
        var acknowledged = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.HandoverAcknowledged, Ct);
        Assert.Contains("45 s after opening", acknowledged.Detail, StringComparison.Ordinal);
        visitor.Dispose();
    }

    [Fact]
    public async Task An_unacknowledged_handover_escalates_after_two_minutes_and_not_before()
    {
        var (conversationId, visitor, _) = await WriteAsync("I want to end it all tonight, I have a rope");
        var clock = _host.Services.GetRequiredService<DeskClock>();
        var alarms = _host.Services.GetRequiredService<LifeAtRiskAlarms>();

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Escalations);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await clock.RunOnceAsync(Ct)).Escalations);
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Escalations); // once only

        await using var db = await DemoDbAsync();
        var handover = await db.Handovers.SingleAsync(h => h.ConversationId == conversationId, Ct);
        Assert.Equal(HandoverStatus.Escalated, handover.Status);
        Assert.Equal(_time.GetUtcNow(), handover.EscalatedAt);
        var current = await alarms.CurrentAsync(handover.ForceId, Ct);
        Assert.Contains(current, a => a.ConversationId == conversationId && a.Kind == AlarmKind.HandoverNotAcknowledged);
        var wall = await _host.Services.GetRequiredService<BlueLamp.Web.Supervision.DeskWall>().TakeAsync(handover.ForceId, Ct);
        Assert.Contains(wall.UnacknowledgedHandovers!, h => h.ConversationId == conversationId && h.Escalated);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.HandoverEscalated, Ct));
        visitor.Dispose();
    }

    [Fact]
    public async Task Acknowledging_in_time_stops_the_escalation()
    {
        var (conversationId, visitor, _) = await WriteAsync("I'm going to kill myself tonight");
        var clock = _host.Services.GetRequiredService<DeskClock>();
        using var controlRoom = await _host.LoginAsync(Roles.ControlRoom);
        var handoverId = (await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct))[0].GetProperty("handoverId").GetGuid();

        _time.Advance(TimeSpan.FromSeconds(90));
        await controlRoom.PostAsJsonAsync($"/api/control-room/handovers/{handoverId}/acknowledge", new { incidentNumber = "0249 25/11/26" }, Ct);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Escalations);
        await using var db = await DemoDbAsync();
        Assert.Equal(HandoverStatus.Acknowledged, (await db.Handovers.SingleAsync(h => h.ConversationId == conversationId, Ct)).Status);
        visitor.Dispose();
    }

    [Fact]
    public async Task A_missed_deadline_is_recorded_once_and_a_reply_clears_it()
    {
        var (conversationId, visitor, token) = await WriteAsync("Someone stole my bike from outside the library this afternoon");
        var clock = _host.Services.GetRequiredService<DeskClock>();
        await using (var db = await DemoDbAsync())
        {
            var c = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct);
            Assert.Equal(Grade.Scheduled, c.Grade);
            Assert.Equal(_time.GetUtcNow().AddHours(24), c.SlaDueAt);
        }

        _time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Breaches);
        await using (var db = await DemoDbAsync())
        {
            var forceId = (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct)).ForceId;
            var nearly = await _host.Services.GetRequiredService<BlueLamp.Web.Supervision.DeskWall>().TakeAsync(forceId, Ct);
            Assert.Contains(nearly.Deadlines!, d => d.ConversationId == conversationId && !d.Breached);
        }
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, (await clock.RunOnceAsync(Ct)).Breaches);
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Breaches);

        using var op = await _host.LoginAsync(Roles.Operator);
        var queue = await op.GetFromJsonAsync<JsonElement>("/api/desk/queue", Ct);
        Assert.Equal(JsonValueKind.String, queue.EnumerateArray().Single(i => i.GetProperty("conversationId").GetGuid() == conversationId).GetProperty("breachedDueAt").ValueKind);
        await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = "Please report it online with the frame number." }, Ct);

        await using var after = await DemoDbAsync();
        var conversation = await after.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct);
        Assert.Equal(1, conversation.SlaBreachCount);
        Assert.NotNull(conversation.SlaBreachedAt);
        Assert.Null(conversation.SlaDueAt);
        Assert.Null(conversation.BreachedDueAt);
        visitor.Dispose();
        _ = token;
    }

    [Fact]
    public async Task A_platforms_emergency_referral_entered_by_the_control_room_is_life_at_risk_whatever_its_words()
    {
        using var controlRoom = await _host.LoginAsync(Roles.ControlRoom);

        var missing = await controlRoom.PostAsJsonAsync("/api/control-room/referrals", new { platform = 2, platformUserId = "", details = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var created = await controlRoom.PostAsJsonAsync("/api/control-room/referrals",
            new { platform = 2, platformUserId = "psid-7781", displayName = "J. Smith", details = "Meta safety team: user posted a livestream from a rooftop car park" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var conversationId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("conversationId").GetGuid();

        await using var db = await DemoDbAsync();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct);
        Assert.True(conversation.LifeAtRisk);
        Assert.NotNull(conversation.HandoverId);
        var handovers = await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct);
        Assert.Contains(handovers.EnumerateArray(), h => h.GetProperty("summary").GetString()!.Contains("rooftop car park", StringComparison.Ordinal));
        using var op = await _host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync("/api/control-room/referrals", new { platform = 2, platformUserId = "x", details = "y" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_life_at_risk_conversation_is_first_in_the_queue_ahead_of_older_urgent_ones()
    {
        var (burglary, v1, _) = await WriteAsync("There is a burglary happening right now next door, I can see them inside");
        _time.Advance(TimeSpan.FromMinutes(1));
        var (atRisk, v2, _) = await WriteAsync("i dont want to be alive anymore, took a load of tablets");
        using var op = await _host.LoginAsync(Roles.Operator);

        var queue = (await op.GetFromJsonAsync<JsonElement>("/api/desk/queue", Ct)).EnumerateArray().ToList();

        Assert.Equal(atRisk, queue[0].GetProperty("conversationId").GetGuid());
        Assert.True(queue[0].GetProperty("lifeAtRisk").GetBoolean());
        Assert.Contains(queue, i => i.GetProperty("conversationId").GetGuid() == burglary);
        v1.Dispose();
        v2.Dispose();
    }
}
