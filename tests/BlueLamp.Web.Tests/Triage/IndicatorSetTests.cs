using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>An administrator edits the force's indicator set over real HTTP; the next message is assessed with it.</summary>
public sealed class IndicatorSetTests : IAsyncLifetime
{
    private const string Marker = "zebra crossing lights are broken";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly BlueLampHost host = new();

    public ValueTask InitializeAsync()
    {
        _ = host.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private BlueLampDbFactory Dbs => host.Services.GetRequiredService<BlueLampDbFactory>();

    private async Task<BlueLampDb> DemoDbAsync()
    {
        await using var lookup = Dbs.Unscoped();
        return Dbs.ForForce(await lookup.Forces.Where(f => f.Slug == "demo").Select(f => f.Id).SingleAsync(Ct));
    }

    /// <summary>The shipped set with a new version and one more road indicator, as an administrator would write it.</summary>
    private static string Edited(string version, string? replaceFrom = null, string? replaceTo = null)
    {
        var json = IndicatorSetParser.DefaultJson()
            .Replace($"\"version\": \"{IndicatorSet.Default.Version}\"", $"\"version\": \"{version}\"", StringComparison.Ordinal)
            .Replace("\"indicators\": [", $"\"indicators\": [\n    {{ \"name\": \"road.crossing_lights\", \"category\": \"road\", \"weight\": 0.8, \"phrases\": [\"{Marker}\"] }},", StringComparison.Ordinal);
        return replaceFrom is null ? json : json.Replace(replaceFrom, replaceTo, StringComparison.Ordinal);
    }

    private async Task<RiskAssessment> AssessedAsync(string text)
    {
        using var visitor = host.NewClient();
        var posted = await (await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text, clientMessageId = Guid.NewGuid().ToString("N") }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var messageId = posted.GetProperty("messageId").GetGuid();
        await using var db = await DemoDbAsync();
        return await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.MessageId == messageId, Ct);
    }

    [Fact]
    public async Task A_saved_set_assesses_the_next_message_records_its_version_and_is_audited_with_what_changed()
    {
        var before = await AssessedAsync($"The {Marker} on the high street");
        Assert.Equal(IndicatorSet.Default.Version, before.IndicatorSetVersion);
        Assert.DoesNotContain(before.Indicators(), i => i.Name == "road.crossing_lights");
        using var admin = await host.LoginAsync(Roles.Administrator);

        var saved = await admin.PutAsJsonAsync("/api/admin/indicator-set", new { json = Edited("demo-2026.11-1"), basedOnVersion = IndicatorSet.Default.Version }, Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await AssessedAsync($"The {Marker} on the high street");
        Assert.Equal("demo-2026.11-1", after.IndicatorSetVersion);
        Assert.Equal("road", after.CategoryCode);
        Assert.Contains(after.Indicators(), i => i.Name == "road.crossing_lights" && i.Text.Contains("zebra", StringComparison.OrdinalIgnoreCase));
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/indicator-set", Ct);
        Assert.Equal("demo-2026.11-1", view.GetProperty("version").GetString());
        Assert.False(view.GetProperty("isDefault").GetBoolean());
        await using var db = await DemoDbAsync();
        var audited = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.IndicatorSetChanged, Ct);
        Assert.Contains($"version {IndicatorSet.Default.Version} → demo-2026.11-1", audited.Detail, StringComparison.Ordinal);
        Assert.Contains("1 indicator added: road.crossing_lights", audited.Detail, StringComparison.Ordinal);
        Assert.Equal("Demo Administrator", audited.ActorName);
    }

    [Theory]
    [InlineData("{ \"version\": \"x\", ", "not valid JSON")]
    [InlineData("\"category\": \"road\", \"weight\": 0.8", "weights are between 0 and 1")]
    [InlineData("\"category\": \"road\", \"weight\": 0.8", "unknown category")]
    [InlineData("", "a new version")]
    public async Task A_set_that_does_not_parse_or_compile_or_keeps_the_version_is_refused_and_nothing_changes(string breakage, string reason)
    {
        var json = reason switch
        {
            "not valid JSON" => breakage + "oops",
            "weights are between 0 and 1" => Edited("demo-bad-1", breakage, "\"category\": \"road\", \"weight\": 1.8"),
            "unknown category" => Edited("demo-bad-2", breakage, "\"category\": \"roads\", \"weight\": 0.8"),
            _ => IndicatorSetParser.DefaultJson(),
        };
        using var admin = await host.LoginAsync(Roles.Administrator);

        var refused = await admin.PutAsJsonAsync("/api/admin/indicator-set", new { json }, Ct);
        var previewed = await admin.PostAsJsonAsync("/api/admin/indicator-set/preview", new { json }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        if (reason != "a new version")
            Assert.Equal(HttpStatusCode.BadRequest, previewed.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/indicator-set", Ct);
        Assert.True(view.GetProperty("isDefault").GetBoolean());
        await using var db = await DemoDbAsync();
        Assert.False(await db.ForceIndicatorSets.AnyAsync(Ct));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.IndicatorSetChanged, Ct));
        Assert.Equal(IndicatorSet.Default.Version, (await AssessedAsync("My bike was stolen from the station")).IndicatorSetVersion);
    }

    [Fact]
    public async Task The_preview_shows_a_life_at_risk_that_the_new_set_would_lose()
    {
        // A strangulation the rules read and the life-at-risk model alone would not: the set's change is the only thing that moves it.
        var atRisk = await AssessedAsync("My husband has his hands round my neck, help");
        Assert.True(atRisk.LifeAtRisk);
        await AssessedAsync("Someone keeps parking across my drive");
        using var admin = await host.LoginAsync(Roles.Administrator);

        // No indicator may say life is at risk any more (supporting evidence of a threat to life must be life-threatening too).
        var noLife = Edited("demo-no-life-1", "\"life\": true", "\"life\": false").Replace("\"supporting\": true", "\"supporting\": false", StringComparison.Ordinal);
        var preview = await admin.PostAsJsonAsync("/api/admin/indicator-set/preview", new { json = noLife }, Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var effect = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, effect.GetProperty("assessed").GetInt32());
        var lost = Assert.Single(effect.GetProperty("lifeAtRiskLost").EnumerateArray());
        Assert.Contains("hands round my neck", lost.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(lost.GetProperty("lifeAtRiskBefore").GetBoolean());
        Assert.False(lost.GetProperty("lifeAtRiskAfter").GetBoolean());
        await using var db = await DemoDbAsync();
        Assert.False(await db.ForceIndicatorSets.AnyAsync(Ct)); // a preview saves nothing
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.IndicatorSetPreviewed && e.Detail!.Contains("1 lost"), Ct));
    }

    [Fact]
    public async Task Only_administrators_see_or_change_the_indicator_set()
    {
        foreach (var role in new[] { Roles.Operator, Roles.Supervisor, Roles.ControlRoom, Roles.Auditor })
        {
            using var client = await host.LoginAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/indicator-set", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/admin/indicator-set", new { json = Edited($"demo-{role}") }, Ct)).StatusCode);
        }
        using var anonymous = host.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/indicator-set", Ct)).StatusCode);
        await using var db = await DemoDbAsync();
        Assert.False(await db.ForceIndicatorSets.AnyAsync(Ct));
    }
}
