using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>
/// A force's command-and-control system as its team would write it from docs/command-and-control.md: its own Kestrel on
/// loopback, checking the signature with the shared secret (written here from the document, not from BlueLamp's code),
/// one incident per idempotency key, and answers a test can script (fail first, answer slowly, be down).
/// </summary>
public sealed class CommandAndControlReceiver(string secret) : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> failures = new();
    private readonly ConcurrentDictionary<string, string> incidents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Received> received = new();
    private WebApplication? app;
    private int next;

    public int Port { get; } = FreePort();

    public string Url => $"http://127.0.0.1:{Port}/bluelamp/handovers";

    /// <summary>How long each answer takes.</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<Received> Requests => received.ToList();

    /// <summary>Incidents created: one per distinct idempotency key.</summary>
    public int IncidentCount => incidents.Count;

    /// <summary>The next requests get these status codes (after the signature check) before the receiver answers normally.</summary>
    public void FailNext(params int[] statusCodes)
    {
        foreach (var code in statusCodes)
            failures.Enqueue(code);
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/bluelamp/handovers", HandleAsync);
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is null)
            return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers["X-BlueLamp-Timestamp"].ToString();
        var signature = request.Headers["X-BlueLamp-Signature"].ToString();
        var key = request.Headers["Idempotency-Key"].ToString();
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = "v1=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)).ToLowerInvariant();
        var valid = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
        received.Enqueue(new Received(Encoding.UTF8.GetString(body), key, valid, request.ContentType));
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);
        if (!valid)
            return Results.Unauthorized();
        if (failures.TryDequeue(out var status))
            return Results.StatusCode(status);
        // An update (stand-down, re-opening) about a handover the receiver already has changes that job; it raises none.
        if (body.Length > 0 && System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("schema", out var schema)
            && schema.GetString() == "bluelamp.handover-update.v1")
            return Results.Json(new { received = true });
        var incident = incidents.GetOrAdd(key, _ => $"INC-{Interlocked.Increment(ref next)}");
        return Results.Json(new { incidentNumber = incident });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One request as the receiver saw it.</summary>
    public sealed record Received(string Body, string IdempotencyKey, bool SignatureValid, string? ContentType);
}
