using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>Maps the XRPC methods (https://pds/xrpc/{nsid}) the simulated PDS answers.</summary>
public static class XrpcEndpoints
{
    public static void MapXrpc(this IEndpointRouteBuilder routes)
    {
        var xrpc = routes.MapGroup("xrpc").ExcludeFromDescription().DisableAntiforgery();
        xrpc.MapPost("com.atproto.server.createSession", (HttpRequest request, BlueskyServerApi api) => api.CreateSessionAsync(request));
        xrpc.MapPost("com.atproto.server.refreshSession", (HttpRequest request, BlueskyServerApi api) => api.RefreshSessionAsync(request));
        xrpc.MapGet("com.atproto.server.getSession", (HttpRequest request, BlueskyServerApi api) => api.GetSessionAsync(request));
        xrpc.MapGet("app.bsky.notification.listNotifications", (HttpRequest request, BlueskyNotificationsApi api) => api.ListAsync(request));
        xrpc.MapPost("app.bsky.notification.updateSeen", (HttpRequest request, BlueskyNotificationsApi api) => api.UpdateSeenAsync(request));
        xrpc.MapPost("com.atproto.repo.createRecord", (HttpRequest request, BlueskyRepoApi api) => api.CreateRecordAsync(request));
        xrpc.MapGet("com.atproto.repo.getRecord", (HttpRequest request, BlueskyRepoApi api) => api.GetRecordAsync(request));
        xrpc.MapPost("com.atproto.repo.putRecord", (HttpRequest request, BlueskyRepoApi api) => api.PutRecordAsync(request));
        xrpc.MapPost("com.atproto.repo.deleteRecord", (HttpRequest request, BlueskyRepoApi api) => api.DeleteRecordAsync(request));
        xrpc.MapPost("com.atproto.repo.uploadBlob", (HttpRequest request, BlueskyRepoApi api) => api.UploadBlobAsync(request));
        xrpc.MapGet("chat.bsky.convo.listConvos", (HttpRequest request, BlueskyChatApi api) => api.ListConvosAsync(request));
        xrpc.MapGet("chat.bsky.convo.getConvo", (HttpRequest request, BlueskyChatApi api) => api.GetConvoAsync(request));
        xrpc.MapGet("chat.bsky.convo.getConvoForMembers", (HttpRequest request, BlueskyChatApi api) => api.GetConvoForMembersAsync(request));
        xrpc.MapGet("chat.bsky.convo.getConvoAvailability", (HttpRequest request, BlueskyChatApi api) => api.GetConvoAvailabilityAsync(request));
        xrpc.MapGet("chat.bsky.convo.getMessages", (HttpRequest request, BlueskyChatApi api) => api.GetMessagesAsync(request));
        xrpc.MapPost("chat.bsky.convo.sendMessage", (HttpRequest request, BlueskyChatApi api) => api.SendMessageAsync(request));
    }
}
