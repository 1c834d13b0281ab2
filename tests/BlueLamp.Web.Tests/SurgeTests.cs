using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests;

public sealed class SurgeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_surge_folds_into_one_row_led_by_its_most_urgent_member_but_life_at_risk_stands_alone()
    {
        var cluster = Guid.NewGuid();
        QueueItem Item(Guid? c, bool lifeAtRisk) => new(Guid.NewGuid(), Platform.WebChat, "chat", "Sam", "text", null, ConversationStatus.Open, true,
            null, DateTimeOffset.UnixEpoch, LifeAtRisk: lifeAtRisk, ClusterId: c);

        var rows = QueueRow.Fold([Item(cluster, true), Item(null, false), Item(cluster, false), Item(cluster, false)]);

        Assert.Equal(3, rows.Count);
        Assert.True(rows[0].Lead.LifeAtRisk);
        Assert.False(rows[0].IsSurge);
        Assert.False(rows[1].IsSurge);
        Assert.True(rows[2].IsSurge);
        Assert.Equal(2, rows[2].Members.Count);
    }

    [Fact]
    public async Task Many_people_reporting_one_fire_become_one_surge_answered_in_bulk_each_on_their_own_conversation()
    {
        string[] reports =
        [
            "Massive fire at the tyre depot on Canal Street, huge black smoke cloud",
            "is that a fire on canal street?? black smoke over the tyre depot",
            "Canal Street tyre depot on fire, smoke everywhere, should we close windows",
            "Black smoke from Canal Street - tyre depot fire",
        ];
        var visitors = new List<(HttpClient Client, string Token)>();
        foreach (var report in reports)
        {
            var client = fixture.Host.NewClient();
            var posted = await (await client.PostAsJsonAsync("/api/webchat/demo/messages", new { text = report, clientMessageId = Guid.NewGuid().ToString("N") }, Ct))
                .Content.ReadFromJsonAsync<JsonElement>(Ct);
            visitors.Add((client, posted.GetProperty("visitorToken").GetString()!));
        }
        var unrelated = fixture.Host.NewClient();
        await unrelated.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "Lost my purse on the number 7 bus this morning", clientMessageId = "lost-1" }, Ct);

        var dbs = fixture.Host.Services.GetRequiredService<BlueLampDbFactory>();
        Guid forceId;
        await using (var lookup = dbs.Unscoped())
            forceId = (await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct)).Id;
        await using var db = dbs.ForForce(forceId);
        var clusters = await db.Conversations.AsNoTracking().Where(c => c.Preview.Contains("anal") || c.Preview.Contains("purse"))
            .Select(c => new { c.Preview, c.ClusterId }).ToListAsync(Ct);
        var fire = clusters.Where(c => !c.Preview.Contains("purse", StringComparison.Ordinal)).ToList();
        Assert.Equal(reports.Length, fire.Count);
        Assert.Single(fire.Select(c => c.ClusterId).Distinct());
        Assert.NotNull(fire[0].ClusterId);
        Assert.Null(clusters.Single(c => c.Preview.Contains("purse", StringComparison.Ordinal)).ClusterId);

        var cases = fixture.Host.Services.GetRequiredService<ConversationCase>();
        var operatorUser = new DeskUser((await db.Users.IgnoreQueryFilters().FirstAsync(u => u.Email!.StartsWith("operator@"), Ct)).Id, "Demo Operator", forceId);
        var (answered, skipped, error) = await cases.ReplyToSurgeAsync(operatorUser, fire[0].ClusterId!.Value,
            "Thank you. Fire and police are at the Canal Street fire. Keep windows and doors closed and avoid the area.", "0521 25/11/26", Ct);

        Assert.Null(error);
        Assert.Equal(reports.Length, answered);
        Assert.Equal(0, skipped);
        foreach (var (client, token) in visitors)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/demo/transcript");
            request.Headers.Add("X-Visitor-Token", token);
            var transcript = await (await client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(transcript.EnumerateArray(), m => m.GetProperty("fromForce").GetBoolean() && m.GetProperty("text").GetString()!.Contains("Canal Street fire", StringComparison.Ordinal));
            client.Dispose();
        }
        Assert.Equal(reports.Length, await db.CaseReferences.CountAsync(r => r.Value == "0521 25/11/26", Ct));
        unrelated.Dispose();
    }
}
