using System.Collections.Concurrent;
using System.Text.Json;
using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>com.atproto.server.createSession, refreshSession and getSession, with createSession's tight rate limit.</summary>
public sealed class BlueskyServerApi(SessionTokens tokens, XrpcGate gate, FaultGate faults, IOptions<SimulatorOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan LimitWindow = TimeSpan.FromMinutes(5);
    private readonly BlueskyAccountOptions account = options.Value.Bluesky;
    private readonly ConcurrentQueue<DateTimeOffset> logins = new();

    public async Task<IResult> CreateSessionAsync(HttpRequest request)
    {
        var decision = await faults.EnterAsync(SimulatedPlatform.Bluesky, request.HttpContext.RequestAborted);
        if (decision.Fault == ApiFault.ServerError)
        {
            return XrpcErrors.InternalServerError();
        }
        var now = clock.GetUtcNow();
        while (logins.TryPeek(out var oldest) && now - oldest > LimitWindow)
        {
            logins.TryDequeue(out _);
        }
        if (decision.Fault == ApiFault.RateLimited || logins.Count >= account.CreateSessionLimitPerFiveMinutes)
        {
            var reset = logins.TryPeek(out var first) ? first + LimitWindow : now.AddSeconds(decision.RetryAfterSeconds);
            return XrpcErrors.RateLimitExceeded(account.CreateSessionLimitPerFiveMinutes, (int)LimitWindow.TotalSeconds, reset, decision.RetryAfterSeconds);
        }
        logins.Enqueue(now);
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return XrpcErrors.InvalidRequest("Request body must be JSON");
        }
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("identifier", out var identifier) || !body.TryGetProperty("password", out var password))
        {
            return XrpcErrors.InvalidRequest("Input must have the property \"identifier\" and \"password\"");
        }
        var who = identifier.GetString();
        var knownIdentifier = string.Equals(who, account.Handle, StringComparison.OrdinalIgnoreCase) || who == account.Did;
        if (!knownIdentifier || password.GetString() != account.AppPassword)
        {
            return XrpcErrors.AuthenticationRequired("Invalid identifier or password");
        }
        return Session(tokens.Issue());
    }

    /// <summary>POST with "Authorization: Bearer refreshJwt"; the old refresh token is revoked.</summary>
    public async Task<IResult> RefreshSessionAsync(HttpRequest request)
    {
        var decision = await faults.EnterAsync(SimulatedPlatform.Bluesky, request.HttpContext.RequestAborted);
        if (decision.Fault == ApiFault.ServerError)
        {
            return XrpcErrors.InternalServerError();
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return XrpcErrors.AuthenticationRequired();
        }
        if (tokens.SpendRefresh(header[7..].Trim()) is { } problem)
        {
            return XrpcErrors.Error(problem.Status, problem.Error, problem.Message);
        }
        return Session(tokens.Issue());
    }

    public async Task<IResult> GetSessionAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        return new PlatformJson(200, new { handle = account.Handle, did = account.Did, emailConfirmed = true, active = true });
    }

    private PlatformJson Session((string Access, string Refresh) issued) => new(200, new
    {
        did = account.Did,
        didDoc = new
        {
            id = account.Did,
            alsoKnownAs = new[] { $"at://{account.Handle}" },
            service = new[] { new { id = "#atproto_pds", type = "AtprotoPersonalDataServer", serviceEndpoint = "https://pds.simulator.invalid" } },
        },
        handle = account.Handle,
        email = "social-media@example.police.uk",
        emailConfirmed = true,
        emailAuthFactor = false,
        accessJwt = issued.Access,
        refreshJwt = issued.Refresh,
        active = true,
    });
}
