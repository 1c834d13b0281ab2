using System.Collections.Concurrent;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// The force's own posts through the Graph API: a Page post (POST /{page-id}/feed with <c>message</c>, or
/// /{page-id}/photos with <c>url</c>, <c>message</c> or <c>caption</c>, and <c>alt_text_custom</c>), Instagram content
/// publishing (POST /{ig-user-id}/media with <c>image_url</c>, <c>caption</c>, <c>alt_text</c> → a container id; POST
/// /{ig-user-id}/media_publish with <c>creation_id</c> → the media id), and DELETE /{post-id|ig-media-id}.
/// </summary>
public sealed class GraphPublishingApi(SimulatorState state, GraphGate gate, IOptions<SimulatorOptions> options)
{
    private readonly MetaAccountOptions meta = options.Value.Meta;
    private readonly ConcurrentDictionary<string, SimulatedEntry> containers = new(StringComparer.Ordinal);

    public async Task<IResult> PagePostAsync(HttpRequest request, string pageId, bool photo)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        if (await gate.CheckAsync(request, parameters, SimulatedPlatform.Facebook, sendApi: false) is { } refused)
        {
            return refused;
        }
        if (pageId != meta.PageId && pageId != "me")
        {
            return GraphErrors.UnknownObject(pageId);
        }
        var text = parameters.String("message") ?? parameters.String("caption");
        var url = parameters.String("url");
        if (photo ? string.IsNullOrWhiteSpace(url) : string.IsNullOrWhiteSpace(text))
        {
            return GraphErrors.InvalidParameter(photo ? "The parameter url is required" : "The parameter message is required");
        }
        var id = $"{meta.PageId}_{state.Ids.NextGraphNumber()}";
        var problems = photo && string.IsNullOrWhiteSpace(parameters.String("alt_text_custom")) ? new[] { "photo posted without alt_text_custom" } : [];
        state.Add(new SimulatedEntry
        {
            Id = id,
            Platform = SimulatedPlatform.Facebook,
            Kind = EntryKind.Post,
            ByAccount = true,
            ViaApi = true,
            Text = text ?? "",
            At = state.Clock.GetUtcNow(),
            ThreadId = id,
            ImageUrl = url,
            AltText = parameters.String("alt_text_custom"),
            Problems = problems,
        });
        return photo
            ? new PlatformJson(200, new { id = state.Ids.NextGraphNumber(), post_id = id })
            : new PlatformJson(200, new { id });
    }

    public async Task<IResult> CreateContainerAsync(HttpRequest request, string userId)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        if (await gate.CheckAsync(request, parameters, SimulatedPlatform.Instagram, sendApi: false) is { } refused)
        {
            return refused;
        }
        if (userId != meta.InstagramAccountId)
        {
            return GraphErrors.UnknownObject(userId);
        }
        var imageUrl = parameters.String("image_url");
        if (string.IsNullOrWhiteSpace(imageUrl))
        {
            return GraphErrors.InvalidParameter("The parameter image_url is required");
        }
        var caption = parameters.String("caption") ?? "";
        if (caption.Length > 2200)
        {
            return GraphErrors.InvalidParameter("The caption must be at most 2200 characters");
        }
        var containerId = "1791" + state.Ids.NextGraphNumber();
        containers[containerId] = new SimulatedEntry
        {
            Id = containerId,
            Platform = SimulatedPlatform.Instagram,
            Kind = EntryKind.Post,
            ByAccount = true,
            ViaApi = true,
            Text = caption,
            At = state.Clock.GetUtcNow(),
            ImageUrl = imageUrl,
            AltText = parameters.String("alt_text"),
            Problems = string.IsNullOrWhiteSpace(parameters.String("alt_text")) ? ["image published without alt_text"] : [],
        };
        return new PlatformJson(200, new { id = containerId });
    }

    public async Task<IResult> PublishContainerAsync(HttpRequest request, string userId)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        if (await gate.CheckAsync(request, parameters, SimulatedPlatform.Instagram, sendApi: false) is { } refused)
        {
            return refused;
        }
        var creationId = parameters.String("creation_id");
        if (userId != meta.InstagramAccountId || creationId is null || !containers.TryRemove(creationId, out var container))
        {
            return GraphErrors.InvalidParameter("The parameter creation_id is required and must name an unpublished media container");
        }
        var id = "1790" + state.Ids.NextGraphNumber();
        state.Add(container with { Id = id, ThreadId = id, At = state.Clock.GetUtcNow() });
        return new PlatformJson(200, new { id });
    }

    /// <summary>
    /// POST /{ig-media-id} with <c>comment_enabled</c> true or false (comment moderation): turns comments under the
    /// account's Instagram media on or off. Page posts have no such field; Graph refuses it there.
    /// </summary>
    public async Task<IResult> UpdateMediaAsync(HttpRequest request, string id, GraphParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var target = state.Find(id);
        if (await gate.CheckAsync(request, parameters, target?.Platform ?? SimulatedPlatform.Instagram, sendApi: false) is { } refused)
        {
            return refused;
        }
        if (target is not { ByAccount: true, Removed: false, Kind: EntryKind.Post })
        {
            return GraphErrors.UnknownObject(id);
        }
        var enabled = parameters.String("comment_enabled");
        if (target.Platform != SimulatedPlatform.Instagram || enabled is not ("true" or "false"))
        {
            return GraphErrors.InvalidParameter(target.Platform == SimulatedPlatform.Instagram
                ? "The parameter comment_enabled is required and must be true or false"
                : "Unsupported post request: a Page post has no comment_enabled field");
        }
        state.Update(id, e => e with { CommentsClosed = enabled == "false" });
        return new PlatformJson(200, new { success = true });
    }

    public async Task<IResult> DeleteAsync(HttpRequest request, string id)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        var target = state.Find(id);
        if (await gate.CheckAsync(request, parameters, target?.Platform ?? SimulatedPlatform.Facebook, sendApi: false) is { } refused)
        {
            return refused;
        }
        if (target is not { ByAccount: true, Removed: false } || target.Platform is not (SimulatedPlatform.Facebook or SimulatedPlatform.Instagram))
        {
            return GraphErrors.UnknownObject(id);
        }
        state.Update(id, e => e with { Removed = true });
        return new PlatformJson(200, new { success = true });
    }
}
