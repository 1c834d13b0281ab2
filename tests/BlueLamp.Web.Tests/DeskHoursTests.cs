using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlueLamp.Web.Tests;

public sealed class DeskHoursTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SetHoursAsync(BlueLampHost host, string? rota)
    {
        var dbs = host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        var force = await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct);
        await using var db = dbs.ForForce(force.Id);
        var account = await db.Accounts.SingleAsync(a => a.Platform == Platform.WebChat, Ct);
        Assert.Null(account.SetMonitoredHours(rota));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<List<string>> RepliesAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/demo/transcript");
        request.Headers.Add("X-Visitor-Token", token);
        var transcript = await (await client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        return transcript.EnumerateArray().Where(m => m.GetProperty("fromForce").GetBoolean()).Select(m => m.GetProperty("text").GetString()!).ToList();
    }

    [Fact]
    public async Task Outside_monitored_hours_the_person_is_told_once_where_to_get_help_and_inside_them_not_at_all()
    {
        // Wednesday 23:30 UK time: outside Mon-Fri 08:00-20:00.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));
        await using var host = new BlueLampHost(time: time);
        _ = host.BaseAddress;
        await SetHoursAsync(host, "Mon-Fri 08:00-20:00");
        using var visitor = host.NewClient();

        var first = await (await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "Someone keeps ringing my doorbell", clientMessageId = "h1" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = first.GetProperty("visitorToken").GetString()!;
        using (var again = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/demo/messages") { Content = JsonContent.Create(new { text = "still happening", clientMessageId = "h2" }) })
        {
            again.Headers.Add("X-Visitor-Token", token);
            await visitor.SendAsync(again, Ct);
        }

        var replies = await RepliesAsync(visitor, token);
        var outOfHours = Assert.Single(replies);
        Assert.Contains("not monitored", outOfHours, StringComparison.Ordinal);
        Assert.Contains("999", outOfHours, StringComparison.Ordinal);
        Assert.Contains("101", outOfHours, StringComparison.Ordinal);
        Assert.Contains("BSL", outOfHours, StringComparison.Ordinal);

        // Thursday 10:00: monitored, so a new visitor gets no automatic reply.
        time.Advance(TimeSpan.FromHours(10.5));
        using var daytime = host.NewClient();
        var day = await (await daytime.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "Lost dog found on Park Lane", clientMessageId = "d1" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Empty(await RepliesAsync(daytime, day.GetProperty("visitorToken").GetString()!));
    }
}
