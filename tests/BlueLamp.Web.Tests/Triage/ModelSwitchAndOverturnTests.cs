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
/// The force's life-at-risk model switch, and alarms overturned by operators counted by what raised them, over real HTTP on
/// SQLite and PostgreSQL.
/// </summary>
public sealed class ModelSwitchAndOverturnTests
{
    // Life at risk for the model alone; the rules read only a weak sign in it.
    private const string ModelOnly = "alla i ddim neud hyn mwy, mae'r tabledi gen i";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Switched_off_the_force_assesses_with_the_rules_alone_and_every_assessment_says_whether_the_model_was_used(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        using var admin = await host.Host.LoginAsync(Roles.Administrator);
        var shown = await admin.GetFromJsonAsync<JsonElement>("/api/settings/life-at-risk-model", Ct);
        Assert.True(shown.GetProperty("enabled").GetBoolean());
        Assert.Equal(LifeAtRiskModel.Default.Version, shown.GetProperty("modelVersion").GetString());

        var withModel = await SendAsync(host, ModelOnly + " (1)", "switch-1");
        var bad = await admin.PutAsJsonAsync("/api/settings/life-at-risk-model", new { }, Ct);
        var off = await admin.PutAsJsonAsync("/api/settings/life-at-risk-model", new { enabled = false }, Ct);
        var rulesOnly = await SendAsync(host, ModelOnly + " (2)", "switch-2");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await off.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("enabled").GetBoolean());
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        var first = await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.MessageId == withModel, Ct);
        var second = await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.MessageId == rulesOnly, Ct);
        Assert.True(first.LifeAtRisk);
        Assert.Equal(LifeAtRiskModel.Default.Version, first.LifeAtRiskModelVersion);
        Assert.Equal(TriageEngine.Default.EngineVersion, first.EngineVersion);
        Assert.False(second.LifeAtRisk);
        Assert.Null(second.LifeAtRiskModelVersion);
        Assert.Equal(TriageEngine.Version, second.EngineVersion);
        Assert.DoesNotContain(second.Indicators(), i => i.Name == LifeAtRiskModel.IndicatorName);
        var switched = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.LifeAtRiskModelSwitched).ToListAsync(Ct);
        Assert.Contains("switched off", Assert.Single(switched).Detail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/settings/life-at-risk-model", new { enabled = true }, Ct)).StatusCode);
        var backOn = await SendAsync(host, ModelOnly + " (3)", "switch-3");
        var third = await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.MessageId == backOn, Ct);
        Assert.True(third.LifeAtRisk);
        Assert.Equal(LifeAtRiskModel.Default.Version, third.LifeAtRiskModelVersion);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.LifeAtRiskModelSwitched, Ct));

        using var supervisor = await host.Host.LoginAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync("/api/settings/life-at-risk-model", new { enabled = false }, Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Alarms_operators_overturn_are_counted_by_what_raised_them_and_reading_the_report_is_audited(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        var forceId = await host.DemoForceIdAsync();
        var byRules = await ConversationOfAsync(host, await SendAsync(host, "I'm going to kill myself tonight, I've got the pills ready", "o-rules"));
        var byModel = await ConversationOfAsync(host, await SendAsync(host, ModelOnly, "o-model"));
        var byModelStanding = await ConversationOfAsync(host, await SendAsync(host, ModelOnly + " heno", "o-model-2"));
        var byOperator = await ConversationOfAsync(host, await SendAsync(host, "Someone keeps parking across my drive", "o-op"));
        using var operatorClient = await host.Host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsync($"/api/desk/conversations/{byOperator}/life-at-risk", null, Ct)).StatusCode);

        // Raising life at risk is not this path's job, and a refused request changes nothing.
        var refused = await operatorClient.PostAsJsonAsync($"/api/desk/conversations/{Guid.NewGuid()}/assessments", Thrive(3, "x", lifeAtRisk: false), Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using (var db = host.Dbs.ForForce(forceId))
        {
            var quiet = await ConversationOfAsync(host, await SendAsync(host, "What time does the front counter open?", "o-quiet"));
            var raise = await operatorClient.PostAsJsonAsync($"/api/desk/conversations/{quiet}/assessments", Thrive(4, "fine", lifeAtRisk: true), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, raise.StatusCode);
            Assert.Contains("Mark life at risk", await raise.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.False(await db.ThriveAssessments.AnyAsync(t => t.ConversationId == quiet, Ct));
        }

        foreach (var id in new[] { byRules, byModel, byOperator })
        {
            var overturned = await operatorClient.PostAsJsonAsync($"/api/desk/conversations/{id}/assessments", Thrive(4, "Song lyrics; spoke to them, safe and well", lifeAtRisk: false), Ct);
            Assert.Equal(HttpStatusCode.Created, overturned.StatusCode);
        }

        await using (var db = host.Dbs.ForForce(forceId))
        {
            Assert.False((await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == byModel, Ct)).LifeAtRisk);
            Assert.True((await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == byModelStanding, Ct)).LifeAtRisk);
            var alarms = await db.RaisedAlarms.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(AlarmSource.Rules, alarms.Single(a => a.ConversationId == byRules).Source);
            var model = alarms.Single(a => a.ConversationId == byModel);
            Assert.Equal((AlarmSource.Model, LifeAtRiskModel.Default.Version), (model.Source, model.ModelVersion));
            Assert.Equal("Song lyrics; spoke to them, safe and well", model.OverturnReason);
            Assert.Equal(AlarmSource.Operator, alarms.Single(a => a.ConversationId == byOperator).Source);
            Assert.False(alarms.Single(a => a.ConversationId == byModelStanding).Overturned);
            Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.LifeAtRiskOverturned, Ct));
        }

        using var supervisor = await host.Host.LoginAsync(Roles.Supervisor);
        var today = DateTimeOffset.UtcNow.Date;
        var report = await supervisor.GetFromJsonAsync<JsonElement>(
            $"/api/supervisor/alarms?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}", Ct);
        var lines = report.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!, l => (Raised: l.GetProperty("raised").GetInt32(), Overturned: l.GetProperty("overturned").GetInt32()));
        Assert.Equal((1, 1), lines["Rules (indicators)"]);
        Assert.Equal((2, 1), lines[$"Life-at-risk model {LifeAtRiskModel.Default.Version}"]);
        Assert.Equal((1, 1), lines["Operator"]);
        Assert.Equal(4, report.GetProperty("raised").GetInt32());

        var backwards = await supervisor.GetAsync($"/api/supervisor/alarms?from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync($"/api/supervisor/alarms?from={today:yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}", Ct)).StatusCode);
        await using (var db = host.Dbs.ForForce(forceId))
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AlarmReportViewed, Ct));
    }

    private static object Thrive(int grade, string rationale, bool? lifeAtRisk) => new
    {
        grade, threat = "none identified", harm = "none identified", risk = "low", investigation = "none", vulnerability = "none identified",
        engagement = "reply with advice", rationale, lifeAtRisk,
    };

    /// <summary>Sends a web-chat message from a new visitor; returns the stored message's id.</summary>
    private static async Task<Guid> SendAsync(ChannelHost host, string text, string clientMessageId)
    {
        using var visitor = host.NewClient();
        var posted = await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text, clientMessageId }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("messageId").GetGuid();
    }

    private static async Task<Guid> ConversationOfAsync(ChannelHost host, Guid messageId)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        return await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
    }
}
