using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Tests.Channels;
using BlueLamp.Web.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>Handovers sent to a force's command-and-control system, over real HTTP to a receiver on loopback.</summary>
public sealed class CommandAndControlTests
{
    private const string Secret = "test-shared-secret-0123456789abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Triage:CommandAndControl:SendInterval"] = "00:00:00.200",
        ["Triage:CommandAndControl:FirstRetryDelay"] = "00:00:00.500",
        ["Triage:CommandAndControl:LongestRetryDelay"] = "00:00:02",
    };

    private static async Task LinkAsync(ChannelHost host, string url, bool enabled = true)
    {
        using var admin = await host.Host.LoginAsync(Roles.Administrator);
        var saved = await admin.PutAsJsonAsync("/api/admin/command-and-control", new { enabled, endpointUrl = url, secret = Secret }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    private static async Task<Guid> LifeAtRiskAsync(ChannelHost host, string text = "I can't go on, I've got the pills ready and I'm taking them all tonight")
    {
        using var visitor = host.NewClient();
        var posted = await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text, clientMessageId = Guid.NewGuid().ToString("N"), name = "Sam" }, Ct);
        var messageId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("messageId").GetGuid();
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        var conversationId = await db.Messages.Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
        return await db.Handovers.Where(h => h.ConversationId == conversationId).Select(h => h.Id).SingleAsync(Ct);
    }

    private static async Task<HandoverDispatch?> DispatchAsync(ChannelHost host, Guid handoverId)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        return await db.HandoverDispatches.AsNoTracking().SingleOrDefaultAsync(d => d.HandoverId == handoverId, Ct);
    }

    private static async Task<Handover> HandoverAsync(ChannelHost host, Guid handoverId)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        return await db.Handovers.AsNoTracking().SingleAsync(h => h.Id == handoverId, Ct);
    }

    private static async Task<int> AuditCountAsync(ChannelHost host, string action, Guid? handoverId = null)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        return await db.AuditEvents.CountAsync(e => e.Action == action && (handoverId == null || e.SubjectId == handoverId.ToString()), Ct);
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_handover_goes_out_signed_and_the_incident_number_it_gets_back_is_recorded_but_a_human_still_acknowledges(string provider)
    {
        await using var receiver = new CommandAndControlReceiver(Secret);
        await receiver.StartAsync();
        await using var host = await ChannelHost.StartAsync(provider, Fast);
        await LinkAsync(host, receiver.Url);

        var handoverId = await LifeAtRiskAsync(host);
        // The sender records the incident, then (a statement of its own, after the audit trail's lock) copies it into the
        // handover's incident number: wait for both, or a read between the two sees the first only.
        var handover = await Eventually.GetAsync(() => HandoverAsync(host, handoverId), h => h.CommandAndControlIncident is not null && h.IncidentNumber is not null,
            "the incident number from command and control");

        Assert.Equal("INC-1", handover.CommandAndControlIncident);
        Assert.Equal("INC-1", handover.IncidentNumber);
        Assert.Equal(HandoverStatus.Open, handover.Status); // nobody has taken it yet
        var request = Assert.Single(receiver.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(handoverId.ToString("D"), request.IdempotencyKey);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("bluelamp.handover.v1", body.GetProperty("schema").GetString());
        Assert.Equal(handoverId, body.GetProperty("handoverId").GetGuid());
        Assert.Equal("demo", body.GetProperty("force").GetProperty("slug").GetString());
        Assert.Equal("Sam", body.GetProperty("person").GetProperty("displayName").GetString());
        Assert.Equal("web_chat", body.GetProperty("person").GetProperty("platform").GetString());
        Assert.Contains("pills ready", body.GetProperty("said")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("assessment").GetProperty("lifeAtRisk").GetBoolean());
        Assert.Equal(1, body.GetProperty("assessment").GetProperty("grade").GetInt32());
        Assert.Equal("suicide_self_harm", body.GetProperty("assessment").GetProperty("category").GetString());
        Assert.NotEqual(0, body.GetProperty("assessment").GetProperty("indicators").GetArrayLength());
        var audited = await AuditCountAsync(host, AuditActions.HandoverSentToCommandAndControl, handoverId);
        Assert.Equal(1, audited);

        // The control room sees the number and acknowledges without typing it again; only then may the desk close.
        using var controlRoom = await host.Host.LoginAsync(Roles.ControlRoom);
        var listed = (await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct)).EnumerateArray().Single(h => h.GetProperty("handoverId").GetGuid() == handoverId);
        Assert.Equal("INC-1", listed.GetProperty("commandAndControlIncident").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("commandAndControl").GetProperty("deliveredAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await controlRoom.PostAsJsonAsync($"/api/control-room/handovers/{handoverId}/acknowledge", new { incidentNumber = "" }, Ct)).StatusCode);
        var acknowledged = await HandoverAsync(host, handoverId);
        Assert.Equal(HandoverStatus.Acknowledged, acknowledged.Status);
        Assert.Equal("INC-1", acknowledged.IncidentNumber);
    }

    [Fact]
    public async Task A_receiver_that_fails_once_and_then_answers_gets_one_incident_and_one_delivery_is_recorded()
    {
        await using var receiver = new CommandAndControlReceiver(Secret);
        await receiver.StartAsync();
        receiver.FailNext(500);
        await using var host = await ChannelHost.StartAsync("Sqlite", Fast);
        await LinkAsync(host, receiver.Url);

        var handoverId = await LifeAtRiskAsync(host);
        var dispatch = await Eventually.GetAsync(() => DispatchAsync(host, handoverId), d => d?.IsDelivered == true, "the delivery");

        Assert.Equal("INC-1", dispatch!.IncidentNumber);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(handoverId.ToString("D"), r.IdempotencyKey));
        Assert.Equal(1, receiver.IncidentCount);
        Assert.Equal(1, await AuditCountAsync(host, AuditActions.HandoverSentToCommandAndControl, handoverId));
        Assert.Equal("INC-1", (await HandoverAsync(host, handoverId)).CommandAndControlIncident);
    }

    [Fact]
    public async Task A_handover_opened_while_the_receiver_is_down_shows_the_failure_and_is_delivered_once_it_is_back()
    {
        await using var receiver = new CommandAndControlReceiver(Secret); // not started: nothing listens on its port
        await using var host = await ChannelHost.StartAsync("Sqlite", Fast);
        await LinkAsync(host, receiver.Url);

        var handoverId = await LifeAtRiskAsync(host);
        var failing = await Eventually.GetAsync(() => DispatchAsync(host, handoverId), d => d?.LastError is not null, "the failed attempt");
        Assert.False(failing!.IsDelivered);
        Assert.Contains("could not be reached", failing.LastError, StringComparison.Ordinal);
        Assert.True(await AuditCountAsync(host, AuditActions.HandoverCommandAndControlFailed, handoverId) >= 1);
        using var controlRoom = await host.Host.LoginAsync(Roles.ControlRoom);
        var listed = (await controlRoom.GetFromJsonAsync<JsonElement>("/api/control-room/handovers", Ct)).EnumerateArray().Single(h => h.GetProperty("handoverId").GetGuid() == handoverId);
        Assert.Contains("could not be reached", listed.GetProperty("commandAndControl").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(listed.GetProperty("commandAndControl").GetProperty("attempts").GetInt32() >= 1);

        await receiver.StartAsync();
        var retry = await controlRoom.PostAsync($"/api/control-room/handovers/{handoverId}/command-and-control/retry", null, Ct);
        Assert.True(retry.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"retry answered {retry.StatusCode}"); // conflict: an automatic attempt was under way
        var delivered = await Eventually.GetAsync(() => DispatchAsync(host, handoverId), d => d?.IsDelivered == true, "the delivery after the receiver came back");

        Assert.Equal("INC-1", delivered!.IncidentNumber);
        Assert.Equal(1, receiver.IncidentCount);
        Assert.Equal("INC-1", (await HandoverAsync(host, handoverId)).IncidentNumber);
        Assert.Equal(HttpStatusCode.Conflict, (await controlRoom.PostAsync($"/api/control-room/handovers/{handoverId}/command-and-control/retry", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Several_senders_at_once_deliver_a_handover_once()
    {
        await using var receiver = new CommandAndControlReceiver(Secret) { Delay = TimeSpan.FromMilliseconds(400) };
        await receiver.StartAsync();
        await using var host = await ChannelHost.StartAsync("Sqlite", new Dictionary<string, string?>(Fast) { ["Triage:CommandAndControl:SendInterval"] = "01:00:00" });
        await LinkAsync(host, receiver.Url);
        var sender = host.Host.Services.GetRequiredService<CommandAndControlSender>();

        var handoverId = await LifeAtRiskAsync(host);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sender.SendDueAsync(Ct)));
        await Eventually.GetAsync(() => DispatchAsync(host, handoverId), d => d?.IsDelivered == true, "the delivery");
        await sender.SendDueAsync(Ct);

        Assert.Single(receiver.Requests);
        Assert.Equal(1, receiver.IncidentCount);
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        Assert.Equal(1, await db.HandoverDispatches.CountAsync(d => d.HandoverId == handoverId, Ct));
        // The database itself refuses a second dispatch of the same handover.
        db.HandoverDispatches.Add(new HandoverDispatch(Guid.CreateVersion7(), await host.DemoForceIdAsync(), handoverId, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task A_force_with_the_link_turned_off_sends_nothing()
    {
        await using var receiver = new CommandAndControlReceiver(Secret);
        await receiver.StartAsync();
        await using var host = await ChannelHost.StartAsync("Sqlite", Fast);
        await LinkAsync(host, receiver.Url, enabled: false);

        var handoverId = await LifeAtRiskAsync(host);
        await host.Host.Services.GetRequiredService<CommandAndControlSender>().SendDueAsync(Ct);

        Assert.Null(await DispatchAsync(host, handoverId));
        Assert.Empty(receiver.Requests);
        using var controlRoom = await host.Host.LoginAsync(Roles.ControlRoom);
        Assert.Equal(HttpStatusCode.Conflict, (await controlRoom.PostAsync($"/api/control-room/handovers/{handoverId}/command-and-control/retry", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_a_clear_error_and_change_nothing()
    {
        await using var host = await ChannelHost.StartAsync("Sqlite", Fast);
        using var admin = await host.Host.LoginAsync(Roles.Administrator);
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/admin/command-and-control", Ct);
        var changes = await AuditCountAsync(host, AuditActions.CommandAndControlLinkChanged);

        var plain = await admin.PutAsJsonAsync("/api/admin/command-and-control", new { enabled = true, endpointUrl = "http://cad.example.police.uk/handovers", secret = Secret }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("Use https", await plain.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var shortSecret = await admin.PutAsJsonAsync("/api/admin/command-and-control", new { enabled = true, endpointUrl = "https://cad.example.police.uk/handovers", secret = "abc" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, shortSecret.StatusCode);
        Assert.Contains("at least 16 characters", await shortSecret.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var after = await admin.GetFromJsonAsync<JsonElement>("/api/admin/command-and-control", Ct);
        Assert.Equal(before.GetProperty("endpointUrl").GetString(), after.GetProperty("endpointUrl").GetString());
        Assert.Equal(before.GetProperty("secretHint").GetString(), after.GetProperty("secretHint").GetString());
        Assert.Equal(changes, await AuditCountAsync(host, AuditActions.CommandAndControlLinkChanged));

        // A force with no link yet must give a secret.
        await using (var db = host.Dbs.ForForce(await host.DemoForceIdAsync()))
            await db.CommandAndControlLinks.ExecuteDeleteAsync(Ct);
        var noSecret = await admin.PutAsJsonAsync("/api/admin/command-and-control", new { enabled = true, endpointUrl = "https://cad.example.police.uk/handovers", secret = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noSecret.StatusCode);
        Assert.Contains("signing secret", await noSecret.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = host.Dbs.ForForce(await host.DemoForceIdAsync()))
            Assert.False(await db.CommandAndControlLinks.AnyAsync(Ct));

        // The secret is never shown back, and only administrators may see or change the link.
        Assert.DoesNotContain(Secret, before.GetRawText(), StringComparison.Ordinal);
        using var supervisor = await host.Host.LoginAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/admin/command-and-control", Ct)).StatusCode);
    }

    [Fact]
    public async Task In_demo_mode_a_handover_comes_back_from_the_built_in_receiver_with_a_CAD_number()
    {
        await using var host = await ChannelHost.StartAsync("Sqlite", Fast);

        var handoverId = await LifeAtRiskAsync(host);
        var handover = await Eventually.GetAsync(() => HandoverAsync(host, handoverId), h => h.CommandAndControlIncident is not null, "the demo incident number");

        Assert.StartsWith("CAD-", handover.CommandAndControlIncident, StringComparison.Ordinal);
    }
}
