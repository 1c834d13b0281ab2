using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Meta;

/// <summary>POST /{page-id} with <c>about</c>: the Page's short description, which BlueLamp keeps saying when the page is monitored.</summary>
public sealed class GraphPageProfileApi(SimulatorState state, GraphGate gate)
{
    /// <summary>Facebook's limit on a Page's about text.</summary>
    public const int AboutLimit = 255;

    public async Task<IResult> UpdateAsync(HttpRequest request, GraphParameters parameters)
    {
        if (await gate.CheckAsync(request, parameters, SimulatedPlatform.Facebook, sendApi: false) is { } refused)
        {
            return refused;
        }
        var about = parameters.String("about");
        if (string.IsNullOrWhiteSpace(about))
        {
            return GraphErrors.InvalidParameter("The parameter about is required");
        }
        if (about.Length > AboutLimit)
        {
            return GraphErrors.InvalidParameter($"Param about must be at most {AboutLimit} characters long.");
        }
        state.SetProfile(SimulatedPlatform.Facebook, new SimulatedProfile(about, null, null));
        return new PlatformJson(200, new { success = true });
    }
}
