using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>
/// The platform simulator on its own Kestrel at 127.0.0.1:0, and the settings that point a BlueLamp host's
/// connectors and the demo accounts' credentials at it.
/// </summary>
public sealed class SimulatedPlatforms : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatedPlatforms(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    /// <summary>Talks to the simulator's control API.</summary>
    public HttpClient Client { get; }

    public static async Task<SimulatedPlatforms> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Publishing sends no webhooks worth receiving here: nothing listens on port 9.
            ["Simulator:SendEchoes"] = "false",
            ["Simulator:MetaWebhookUrl"] = "http://127.0.0.1:9/webhooks/meta",
            ["Simulator:XWebhookUrl"] = "http://127.0.0.1:9/webhooks/x",
            ["Simulator:MaxDeliveryAttempts"] = "1",
        });
        builder.Services.AddPlatformSimulator(builder.Configuration);
        var app = builder.Build();
        app.MapPlatformSimulator();
        await app.StartAsync();
        return new SimulatedPlatforms(app);
    }

    /// <summary>
    /// BlueLamp settings: connectors at this simulator rather than the app's own, one quick retry (so a fault that stays on
    /// shows). The demo accounts are connected with the simulator's default secrets, which this one shares.
    /// </summary>
    public Dictionary<string, string?> BlueLampSettings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Meta:GraphBaseUrl"] = Address.ToString(),
            ["Channels:X:ApiBaseUrl"] = Address.ToString(),
            ["Channels:Bluesky:ServiceUrl"] = Address.ToString(),
            ["Channels:Resilience:MaxRetryAttempts"] = "1",
            ["Channels:Resilience:BaseDelay"] = "00:00:00.010",
            ["Publishing:SchedulerInterval"] = "00:00:01",
        };
        foreach (var (key, value) in more ?? [])
            settings[key] = value;
        return settings;
    }

    /// <summary>The account's own live posts on a platform (facebook, instagram, x, bluesky) that contain <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> LivePostsAsync(string platform, string text)
    {
        var posts = await Client.GetFromJsonAsync<JsonElement>($"/simulator/api/posts?platform={platform}");
        return posts.EnumerateArray()
            .Where(p => !p.GetProperty("removed").GetBoolean() && p.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal))
            .ToList();
    }

    public async Task SetFaultsAsync(string platform, object faults)
    {
        using var response = await Client.PostAsJsonAsync($"/simulator/api/faults/{platform}", faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Client.DeleteAsync("/simulator/api/faults");
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
