using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using BlueLamp.Simulator.State;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>Maps the Graph API paths (graph.facebook.com/{version}/…) the simulator implements.</summary>
public static class GraphEndpoints
{
    // Only "v21.0"-like first segments, so the Graph routes never shadow a host's own pages.
    private const string Version = "{version:regex(^v[0-9]+\\.[0-9]+$)}";

    public static void MapGraphApi(this IEndpointRouteBuilder routes)
    {
        var graph = routes.MapGroup(Version).ExcludeFromDescription().DisableAntiforgery();
        graph.MapPost("{id}/messages", (HttpRequest request, string id, GraphSendApi api) => api.SendAsync(request, id));
        graph.MapPost("{id}/comments", (HttpRequest request, string id, GraphCommentsApi api) => api.ReplyAsync(request, id, repliesEdge: false));
        graph.MapPost("{id}/replies", (HttpRequest request, string id, GraphCommentsApi api) => api.ReplyAsync(request, id, repliesEdge: true));
        graph.MapGet("{id}/comments", (HttpRequest request, string id, GraphCommentsApi api) => api.ListAsync(request, id, repliesEdge: false));
        graph.MapGet("{id}/replies", (HttpRequest request, string id, GraphCommentsApi api) => api.ListAsync(request, id, repliesEdge: true));
        graph.MapGet("{id}/conversations", (HttpRequest request, string id, GraphReadApi api) => api.ConversationsAsync(request, id));
        graph.MapGet("{id}/feed", (HttpRequest request, string id, GraphReadApi api) => api.PostsAsync(request, id));
        graph.MapGet("{id}/published_posts", (HttpRequest request, string id, GraphReadApi api) => api.PostsAsync(request, id));
        graph.MapGet("{id}/posts", (HttpRequest request, string id, GraphReadApi api) => api.PostsAsync(request, id));
        graph.MapGet("{id}/media", (HttpRequest request, string id, GraphReadApi api) => api.PostsAsync(request, id));
        graph.MapGet("{id}", (HttpRequest request, string id, GraphReadApi api) => api.NodeAsync(request, id));
        graph.MapPost("{id}/feed", (HttpRequest request, string id, GraphPublishingApi api) => api.PagePostAsync(request, id, photo: false));
        graph.MapPost("{id}/photos", (HttpRequest request, string id, GraphPublishingApi api) => api.PagePostAsync(request, id, photo: true));
        graph.MapPost("{id}/media", (HttpRequest request, string id, GraphPublishingApi api) => api.CreateContainerAsync(request, id));
        graph.MapPost("{id}/media_publish", (HttpRequest request, string id, GraphPublishingApi api) => api.PublishContainerAsync(request, id));
        graph.MapPost("{id}", async (HttpRequest request, string id, SimulatorState state, IOptions<SimulatorOptions> options, GraphCommentsApi comments, GraphPageProfileApi profile, GraphPublishingApi publishing) =>
        {
            var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
            if (id == options.Value.Meta.PageId)
            {
                return await profile.UpdateAsync(request, parameters);
            }
            return state.Find(id) switch
            {
                { Kind: EntryKind.Comment, Platform: SimulatedPlatform.Facebook or SimulatedPlatform.Instagram } comment => await comments.SetHiddenAsync(request, comment, parameters),
                { Kind: EntryKind.Post } => await publishing.UpdateMediaAsync(request, id, parameters),
                _ => GraphErrors.UnknownObject(id),
            };
        });
        graph.MapDelete("{id}", (HttpRequest request, string id, GraphPublishingApi api) => api.DeleteAsync(request, id));
    }
}
