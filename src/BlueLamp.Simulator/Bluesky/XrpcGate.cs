using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>What every authenticated XRPC call meets: the fault switches, then "Authorization: Bearer accessJwt".</summary>
public sealed class XrpcGate(FaultGate faults, SessionTokens tokens, TimeProvider clock)
{
    public const string ChatProxy = "did:web:api.bsky.chat#bsky_chat";

    public async Task<IResult?> CheckAsync(HttpRequest request, bool chat = false)
    {
        var decision = await faults.EnterAsync(SimulatedPlatform.Bluesky, request.HttpContext.RequestAborted);
        if (chat && request.Headers["atproto-proxy"].ToString() != ChatProxy)
        {
            // Without the proxy header the PDS has no chat.bsky.* method of its own to run.
            return XrpcErrors.MethodNotImplemented();
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return XrpcErrors.AuthenticationRequired();
        }
        if (tokens.CheckAccess(header[7..].Trim()) is { } problem)
        {
            return XrpcErrors.Error(problem.Status, problem.Error, problem.Message);
        }
        return decision.Fault switch
        {
            ApiFault.RateLimited => XrpcErrors.RateLimitExceeded(3000, 300, clock.GetUtcNow().AddSeconds(decision.RetryAfterSeconds), decision.RetryAfterSeconds),
            ApiFault.ServerError => XrpcErrors.InternalServerError(),
            // Expiry by fault is handled by the tokens themselves, so refreshSession can recover from it.
            _ => null,
        };
    }
}
