using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>The checks every Graph call meets in Meta's order: token present, token known, then faults.</summary>
public sealed class GraphGate(IOptions<SimulatorOptions> options, FaultGate faults, TimeProvider clock)
{
    private readonly MetaAccountOptions meta = options.Value.Meta;

    /// <summary>Null when the call may go on; otherwise the Graph error to answer with.</summary>
    public async Task<IResult?> CheckAsync(HttpRequest request, GraphParameters parameters, SimulatedPlatform platform, bool sendApi)
    {
        var decision = await faults.EnterAsync(platform, request.HttpContext.RequestAborted);
        var token = GraphParameters.TokenOf(request, parameters);
        if (string.IsNullOrEmpty(token))
        {
            return GraphErrors.MissingToken();
        }
        var known = token == meta.PageAccessToken || (platform == SimulatedPlatform.Instagram && token == meta.InstagramAccessToken);
        if (!known)
        {
            return GraphErrors.InvalidToken();
        }
        return decision.Fault switch
        {
            ApiFault.TokenExpired => GraphErrors.ExpiredToken(clock.GetUtcNow()),
            ApiFault.RateLimited => GraphErrors.Throttled(sendApi, meta.PageId, decision.RetryAfterSeconds),
            ApiFault.ServerError => GraphErrors.Unexpected(),
            _ => parameters.Problem is { } problem ? GraphErrors.InvalidParameter(problem) : null,
        };
    }
}
