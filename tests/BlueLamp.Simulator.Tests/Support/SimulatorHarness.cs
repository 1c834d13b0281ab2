using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlueLamp.Simulator.Tests.Support;

/// <summary>
/// The simulator on real Kestrel at 127.0.0.1:0 and, beside it, a small app standing in for BlueLamp that
/// records every webhook it receives and answers the Meta and X handshakes correctly.
/// </summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    public const string AppSecret = "test-meta-app-secret";
    public const string VerifyToken = "test-verify-token";
    public const string ConsumerSecret = "test-x-consumer-secret";
    public const string PageToken = "sim-page-token";
    public const string PageId = "104000000000001";
    public const string InstagramId = "17841400000000001";
    public const string XUserId = "1500000000000000001";
    public const string XUserToken = "sim-x-user-token";
    public const string XAppToken = "sim-x-app-bearer";
    public const string BlueskyHandle = "democonstabulary.bsky.social";
    public const string BlueskyPassword = "sim1-app2-pass-word";

    private readonly WebApplication receiver;
    private readonly WebApplication simulator;
    private readonly ConcurrentQueue<ReceivedWebhook> received;
    private readonly StrongBox<int> status;

    private SimulatorHarness(WebApplication receiver, WebApplication simulator, ConcurrentQueue<ReceivedWebhook> received, StrongBox<int> status)
    {
        this.receiver = receiver;
        this.simulator = simulator;
        this.received = received;
        this.status = status;
        Client = new HttpClient { BaseAddress = new Uri(simulator.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Talks to the simulator: its platform APIs and its control API.</summary>
    public HttpClient Client { get; }

    /// <summary>The status the stand-in BlueLamp answers webhooks with.</summary>
    public int WebhookStatus
    {
        get => status.Value;
        set => status.Value = value;
    }

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    public static async Task<SimulatorHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var received = new ConcurrentQueue<ReceivedWebhook>();
        var status = new StrongBox<int>(200);
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        receiverBuilder.Logging.ClearProviders();
        var receiver = receiverBuilder.Build();
        receiver.MapPost("/webhooks/{platform}", async (HttpContext context, string platform) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            received.Enqueue(new ReceivedWebhook(platform, buffer.ToArray(), headers));
            return Results.StatusCode(status.Value);
        });
        receiver.MapGet("/webhooks/meta", (HttpContext context) =>
        {
            var query = context.Request.Query;
            return query["hub.mode"] == "subscribe" && query["hub.verify_token"] == VerifyToken
                ? Results.Text(query["hub.challenge"].ToString(), "text/plain")
                : Results.StatusCode(403);
        });
        receiver.MapGet("/webhooks/x", (HttpContext context) =>
        {
            var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(ConsumerSecret), Encoding.UTF8.GetBytes(context.Request.Query["crc_token"].ToString()));
            return Results.Json(new { response_token = "sha256=" + Convert.ToBase64String(hash) });
        });
        await receiver.StartAsync();
        var receiverUrl = receiver.Urls.First();

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?>
        {
            ["Simulator:MetaWebhookUrl"] = $"{receiverUrl}/webhooks/meta",
            ["Simulator:XWebhookUrl"] = $"{receiverUrl}/webhooks/x",
            ["Simulator:DeliveryRetryDelay"] = "00:00:00.200",
            ["Simulator:Meta:AppSecret"] = AppSecret,
            ["Simulator:Meta:VerifyToken"] = VerifyToken,
            ["Simulator:X:ConsumerSecret"] = ConsumerSecret,
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddPlatformSimulator(builder.Configuration);
        var simulator = builder.Build();
        simulator.MapPlatformSimulator();
        await simulator.StartAsync();

        return new SimulatorHarness(receiver, simulator, received, status);
    }

    /// <summary>Waits until at least <paramref name="count"/> webhooks for the path arrived, or the timeout passes.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForWebhooksAsync(string platform, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = Received.Where(r => r.Path == platform).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                return matching;
            }
            await Task.Delay(25);
        }
    }

    /// <summary>Posts to the control API and returns the JSON answer, failing the test on a non-success status.</summary>
    public async Task<JsonElement> ControlAsync(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync($"/simulator/api/{path}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The id of a new person on a platform.</summary>
    public async Task<string> PersonAsync(string platform, string name, string? username = null) =>
        (await ControlAsync("people", new { platform, name, username })).GetProperty("id").GetString()!;

    public static HttpRequestMessage Authorized(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await simulator.StopAsync();
        await receiver.StopAsync();
        await simulator.DisposeAsync();
        await receiver.DisposeAsync();
    }
}
