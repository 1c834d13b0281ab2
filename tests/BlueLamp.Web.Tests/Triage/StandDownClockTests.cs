using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Supervision;
using BlueLamp.Web.Tests.Hosting;
using BlueLamp.Web.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>A stood-down handover's escalation, and its re-opening by a new alarm, with a fake clock.</summary>
public sealed class StandDownClockTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 1, 15, 0, TimeSpan.Zero));
    private BlueLampHost _host = default!;

    public ValueTask InitializeAsync()
    {
        _host = new BlueLampHost(time: _time);
        _ = _host.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static object Assessment(int grade, string rationale, bool? lifeAtRisk) => new
    {
        grade, threat = "none identified", harm = "none identified", risk = "low", investigation = "none", vulnerability = "none identified",
        engagement = "reply with advice", rationale, lifeAtRisk,
    };

    private async Task<(Guid ConversationId, string Token)> WriteAsync(HttpClient visitor, string text, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/demo/messages") { Content = JsonContent.Create(new { text, clientMessageId = Guid.NewGuid().ToString("N") }) };
        if (token is not null)
            request.Headers.Add("X-Visitor-Token", token);
        var posted = await (await visitor.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        await using var db = await DemoDbAsync();
        var messageId = posted.GetProperty("messageId").GetGuid();
        return (await db.Messages.Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct), posted.GetProperty("visitorToken").GetString()!);
    }

    private async Task<BlueLampDb> DemoDbAsync()
    {
        var dbs = _host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        return dbs.ForForce((await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct)).Id);
    }

    private async Task<Handover> HandoverAsync(Guid conversationId)
    {
        await using var db = await DemoDbAsync();
        return await db.Handovers.AsNoTracking().SingleAsync(h => h.ConversationId == conversationId, Ct);
    }

    /// <summary>
    /// Runs the desk's clock and checks the handover escalated: by this run, or by the host's own clock loop, which the fake
    /// clock's advance may have woken first (the two take the same turn, so either has finished when this run returns).
    /// </summary>
    private async Task EscalatedAsync(DeskClock clock, Guid conversationId)
    {
        await clock.RunOnceAsync(Ct);
        var handover = await HandoverAsync(conversationId);
        Assert.Equal((HandoverStatus.Escalated, _time.GetUtcNow()), (handover.Status, handover.EscalatedAt));
    }

    [Fact]
    public async Task A_stood_down_handover_stops_escalating_silences_the_escalation_alarm_and_a_new_alarm_reopens_it_with_a_fresh_limit()
    {
        using var visitor = _host.NewClient();
        var (conversationId, token) = await WriteAsync(visitor, "I want to end it all tonight, I have a rope");
        var clock = _host.Services.GetRequiredService<DeskClock>();
        var alarms = _host.Services.GetRequiredService<LifeAtRiskAlarms>();
        var wall = _host.Services.GetRequiredService<DeskWall>();
        var forceId = (await HandoverAsync(conversationId)).ForceId;

        // Not acknowledged in time: escalated, and every desk's alarm sounds for it.
        _time.Advance(TimeSpan.FromMinutes(2));
        await EscalatedAsync(clock, conversationId);
        Assert.Contains(await alarms.CurrentAsync(forceId, Ct), a => a.ConversationId == conversationId && a.Kind == AlarmKind.HandoverNotAcknowledged);

        // The operator overturns the alarm: the handover is stood down, the escalation alarm stops, the supervisors' wall no longer waits on it.
        using var desk = await _host.LoginAsync(Roles.Operator);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments",
            Assessment(4, "Lyrics from a song; spoke to them, they are fine", lifeAtRisk: false), Ct)).StatusCode);
        var stoodDown = await HandoverAsync(conversationId);
        Assert.Equal(HandoverStatus.StoodDown, stoodDown.Status);
        Assert.Equal(_time.GetUtcNow(), stoodDown.StoodDownAt);
        // What the control room was told stays as it was told, dated by the handover, not presented as the desk's grade now.
        Assert.Contains("Desk grade when handed over: 1, life at risk", stoodDown.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(await alarms.CurrentAsync(forceId, Ct), a => a.ConversationId == conversationId);
        Assert.DoesNotContain((await wall.TakeAsync(forceId, Ct)).UnacknowledgedHandovers!, h => h.ConversationId == conversationId);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Escalations);
        Assert.Equal(HandoverStatus.StoodDown, (await HandoverAsync(conversationId)).Status);

        // The desk sees what it stood down.
        var view = await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.Equal("Lyrics from a song; spoke to them, they are fine", view.GetProperty("triage").GetProperty("handoverStoodDown").GetProperty("reason").GetString());

        // A new life-at-risk message re-opens the same handover, and its limit runs again from now.
        await WriteAsync(visitor, "I lied, I'm on the bridge now and I'm going to jump", token);
        var reopened = await HandoverAsync(conversationId);
        Assert.Equal(stoodDown.Id, reopened.Id);
        Assert.Equal(HandoverStatus.Open, reopened.Status);
        Assert.Equal(_time.GetUtcNow(), reopened.ReopenedAt);
        Assert.Null(reopened.StoodDownAt);
        Assert.Contains("bridge", reopened.Summary, StringComparison.Ordinal);
        await using (var db = await DemoDbAsync())
            Assert.Equal(stoodDown.Id, (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct)).HandoverId);
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, (await clock.RunOnceAsync(Ct)).Escalations);
        _time.Advance(TimeSpan.FromSeconds(1));
        await EscalatedAsync(clock, conversationId);

        // And with it the closing rule is back: no closing until the control room acknowledges.
        await desk.PostAsync($"/api/desk/conversations/{conversationId}/claim", null, Ct);
        var early = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/close", new { outcome = "advice_given" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
    }

    [Fact]
    public async Task Overturning_life_at_risk_on_a_grade_1_conversation_keeps_the_handover_open_and_escalating()
    {
        using var visitor = _host.NewClient();
        var (conversationId, _) = await WriteAsync(visitor, "I'm going to kill myself tonight, I've got the pills");
        using var desk = await _host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments",
            Assessment(1, "Not suicidal but a man is attacking her now", lifeAtRisk: false), Ct)).StatusCode);

        Assert.Equal(HandoverStatus.Open, (await HandoverAsync(conversationId)).Status);
        _time.Advance(TimeSpan.FromMinutes(2));
        await EscalatedAsync(_host.Services.GetRequiredService<DeskClock>(), conversationId);
        await using var db = await DemoDbAsync();
        Assert.Contains("still grade 1", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.LifeAtRiskOverturned, Ct)).Detail, StringComparison.Ordinal);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.HandoverStoodDown, Ct));
    }

    [Fact]
    public async Task The_control_room_confirms_a_stand_down_once_and_a_desk_supervisor_may_not()
    {
        using var visitor = _host.NewClient();
        var (conversationId, _) = await WriteAsync(visitor, "I want to die, I'm taking all my tablets tonight");
        using var desk = await _host.LoginAsync(Roles.Operator);
        await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", Assessment(4, "Homework for a drama class; teacher confirmed", lifeAtRisk: false), Ct);
        var handoverId = (await HandoverAsync(conversationId)).Id;

        using var supervisor = await _host.LoginAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/control-room/handovers/{handoverId}/stand-down/confirm", null, Ct)).StatusCode);
        using var controlRoom = await _host.LoginAsync(Roles.ControlRoom);
        Assert.Equal(HttpStatusCode.NotFound, (await controlRoom.PostAsync($"/api/control-room/handovers/{Guid.NewGuid()}/stand-down/confirm", null, Ct)).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.OK, (await controlRoom.PostAsync($"/api/control-room/handovers/{handoverId}/stand-down/confirm", null, Ct)).StatusCode);
        var again = await controlRoom.PostAsync($"/api/control-room/handovers/{handoverId}/stand-down/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already confirmed", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var confirmed = await HandoverAsync(conversationId);
        Assert.Equal((HandoverStatus.StoodDown, _time.GetUtcNow()), (confirmed.Status, confirmed.StandDownConfirmedAt));
        var listed = (await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct)).EnumerateArray().Single(h => h.GetProperty("handoverId").GetGuid() == handoverId);
        Assert.False(listed.GetProperty("needsControlRoom").GetBoolean());
        await using var db = await DemoDbAsync();
        Assert.Contains("40 s after it", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.HandoverStandDownConfirmed, Ct)).Detail, StringComparison.Ordinal);
    }
}
