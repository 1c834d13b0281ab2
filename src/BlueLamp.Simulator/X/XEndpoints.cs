using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlueLamp.Simulator.X;

/// <summary>Maps the X API v2 paths (api.x.com/2/…) the simulator implements.</summary>
public static class XEndpoints
{
    public static void MapXApi(this IEndpointRouteBuilder routes)
    {
        var x = routes.MapGroup("2").ExcludeFromDescription().DisableAntiforgery();
        x.MapPost("tweets", (HttpRequest request, XApi api) => api.CreateTweetAsync(request));
        x.MapPost("media/upload", (HttpRequest request, XApi api) => api.UploadMediaAsync(request));
        x.MapPost("media/metadata", (HttpRequest request, XApi api) => api.MediaMetadataAsync(request));
        x.MapPut("tweets/{id}/hidden", (HttpRequest request, string id, XApi api) => api.SetHiddenAsync(request, id));
        x.MapDelete("tweets/{id}", (HttpRequest request, string id, XApi api) => api.DeleteTweetAsync(request, id));
        x.MapPost("dm_conversations/with/{participantId}/messages", (HttpRequest request, string participantId, XApi api) => api.SendDirectMessageAsync(request, participantId));
        x.MapGet("users/{id}/mentions", (HttpRequest request, string id, XApi api) => api.MentionsAsync(request, id));
        x.MapGet("dm_events", (HttpRequest request, XApi api) => api.DirectMessageEventsAsync(request));
    }
}
