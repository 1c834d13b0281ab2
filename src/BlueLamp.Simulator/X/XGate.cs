using System.Collections.Concurrent;
using System.Globalization;
using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.X;

/// <summary>
/// What every X API call meets: a bearer token (app-only or the account's user token), the fault switches,
/// and the x-rate-limit-limit/remaining/reset headers X puts on every answer, per endpoint and 15-minute window.
/// </summary>
public sealed class XGate(IOptions<SimulatorOptions> options, FaultGate faults, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly XAccountOptions x = options.Value.X;
    private readonly ConcurrentDictionary<string, (long WindowStart, int Used)> usage = new();

    /// <summary>Either the refusal to answer with, or the rate-limit headers to put on the success.</summary>
    public async Task<(IResult? Refusal, Dictionary<string, string> Headers)> CheckAsync(HttpRequest request, string endpoint, int limit, bool userContext)
    {
        var decision = await faults.EnterAsync(SimulatedPlatform.X, request.HttpContext.RequestAborted);
        var headers = Count(endpoint, limit);
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (token != x.AppBearerToken && token != x.UserAccessToken)
        {
            return (XErrors.Unauthorized(), headers);
        }
        if (userContext && token == x.AppBearerToken)
        {
            return (XErrors.AppOnlyForbidden(), headers);
        }
        switch (decision.Fault)
        {
            case ApiFault.TokenExpired:
                return (XErrors.Unauthorized(), headers);
            case ApiFault.RateLimited:
                var reset = clock.GetUtcNow().AddSeconds(decision.RetryAfterSeconds).ToUnixTimeSeconds();
                return (XErrors.TooManyRequests(new Dictionary<string, string>
                {
                    ["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture),
                    ["x-rate-limit-remaining"] = "0",
                    ["x-rate-limit-reset"] = reset.ToString(CultureInfo.InvariantCulture),
                    ["Retry-After"] = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
                }), headers);
            case ApiFault.ServerError:
                return (XErrors.ServerError(), headers);
            default:
                return (null, headers);
        }
    }

    public void Reset() => usage.Clear();

    private Dictionary<string, string> Count(string endpoint, int limit)
    {
        var now = clock.GetUtcNow();
        var windowStart = now.ToUnixTimeSeconds() / (long)Window.TotalSeconds * (long)Window.TotalSeconds;
        var (_, used) = usage.AddOrUpdate(endpoint, _ => (windowStart, 1), (_, current) => current.WindowStart == windowStart ? (windowStart, current.Used + 1) : (windowStart, 1));
        return new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["x-rate-limit-remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture),
            ["x-rate-limit-reset"] = (windowStart + (long)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
    }
}
