using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>What a partner system does, over real HTTP: an administrator makes it a key, and it posts referrals with it.</summary>
internal static class ReferralSender
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(Guid Id, string Key)> MakeKeyAsync(BlueLampHost host, string name)
    {
        using var admin = await host.LoginAsync(Roles.Administrator);
        var made = await admin.PostAsJsonAsync("/api/admin/referral-keys", new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var body = await made.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    public static async Task<HttpResponseMessage> SendAsync(BlueLampHost host, string? key, string json, string force = "demo")
    {
        using var client = host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{force}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request, Ct);
    }

    public static string Referral(string marker) =>
        JsonSerializer.Serialize(new { platform = "facebook", platformUserId = "psid-" + marker, displayName = "J. Smith", details = $"Meta safety team: {marker} livestream from a rooftop car park" });

    public static async Task<Guid> DemoForceIdAsync(BlueLampHost host)
    {
        await using var lookup = host.Services.GetRequiredService<BlueLampDbFactory>().Unscoped();
        return await lookup.Forces.Where(f => f.Slug == "demo").Select(f => f.Id).SingleAsync(Ct);
    }

    /// <summary>How many stored messages carry <paramref name="marker"/>.</summary>
    public static async Task<int> StoredAsync(BlueLampHost host, string marker)
    {
        await using var db = host.Services.GetRequiredService<BlueLampDbFactory>().ForForce(await DemoForceIdAsync(host));
        return await db.Messages.CountAsync(m => m.Text.Contains(marker), Ct);
    }
}
