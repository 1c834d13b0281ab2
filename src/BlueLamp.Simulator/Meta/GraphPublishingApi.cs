using System.Collections.Concurrent;
using System.Text.Json;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// The force's own posts through the Graph API: a Page post (POST /{page-id}/feed with <c>message</c> and optionally
/// <c>attached_media</c> naming unpublished photos; /{page-id}/photos with <c>url</c>, <c>message</c> or <c>caption</c>,
/// <c>alt_text_custom</c>, and <c>published=false</c> for a photo to attach), Instagram content publishing (POST
/// /{ig-user-id}/media with <c>image_url</c>, <c>caption</c>, <c>alt_text</c> → a container id, or carousel items and a
/// CAROUSEL container; POST /{ig-user-id}/media_publish with <c>creation_id</c> → the media id), and DELETE
/// /{post-id|ig-media-id}.
/// </summary>
public sealed class GraphPublishingApi(SimulatorState state, GraphGate gate, IOptions<SimulatorOptions> options)
{
    private readonly MetaAccountOptions meta = options.Value.Meta;
    private readonly ConcurrentDictionary<string, Container> containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Photo> unpublishedPhotos = new(StringComparer.Ordinal);

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
        var alt = parameters.String("alt_text_custom");
        if (photo && string.IsNullOrWhiteSpace(url))
        {
            return GraphErrors.InvalidParameter("The parameter url is required");
        }
        if (photo && parameters.String("published") == "false")
        {
            // An unpublished photo: in no feed, waiting to be attached to one post.
            var photoId = state.Ids.NextGraphNumber();
            unpublishedPhotos[photoId] = new Photo(url!, alt);
            return new PlatformJson(200, new { id = photoId });
        }
        var photos = photo ? [new Photo(url!, alt)] : new List<Photo>();
        if (!photo)
        {
            var (attached, problem) = AttachedPhotos(parameters.List("attached_media"));
            if (problem is not null)
            {
                return problem;
            }
            photos = attached;
            if (string.IsNullOrWhiteSpace(text) && photos.Count == 0)
            {
                return GraphErrors.InvalidParameter("The parameter message is required");
            }
        }
        var id = $"{meta.PageId}_{state.Ids.NextGraphNumber()}";
        AddAccountPost(id, SimulatedPlatform.Facebook, text ?? "", photos, "photo {0} posted without alt_text_custom");
        return photo
            ? new PlatformJson(200, new { id = state.Ids.NextGraphNumber(), post_id = id })
            : new PlatformJson(200, new { id });
    }

    /// <summary>
    /// attached_media's items (<c>{"media_fbid":"…"}</c>, as objects or JSON text): each must name an unpublished photo of
    /// the page, which it then leaves.
    /// </summary>
    private (List<Photo> Photos, IResult? Problem) AttachedPhotos(IReadOnlyList<string>? items)
    {
        var photos = new List<Photo>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            string? fbid = null;
            try
            {
                using var item = JsonDocument.Parse(items![i]);
                fbid = item.RootElement.ValueKind == JsonValueKind.Object && item.RootElement.TryGetProperty("media_fbid", out var value)
                    ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                    : null;
            }
            catch (JsonException)
            {
            }
            if (fbid is null || !unpublishedPhotos.TryRemove(fbid, out var photo))
            {
                return ([], GraphErrors.InvalidParameter($"Param attached_media[{i}] must be an object with a media_fbid naming an unpublished photo of this page"));
            }
            photos.Add(photo);
        }
        return (photos, null);
    }

    /// <summary>
    /// POST /{ig-user-id}/media: an image container (<c>image_url</c>, <c>caption</c>, <c>alt_text</c>), a carousel item
    /// (<c>is_carousel_item=true</c>, no caption), or a carousel (<c>media_type=CAROUSEL</c>, <c>children</c> naming up to
    /// 10 carousel items, <c>caption</c>).
    /// </summary>
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
        var caption = parameters.String("caption") ?? "";
        if (caption.Length > 2200)
        {
            return GraphErrors.InvalidParameter("The caption must be at most 2200 characters");
        }
        var carouselItem = parameters.String("is_carousel_item") == "true";
        var images = new List<Photo>();
        if (parameters.String("media_type") == "CAROUSEL")
        {
            var children = parameters.List("children") ?? [];
            if (children.Count is < 2 or > 10)
            {
                return GraphErrors.InvalidParameter("The parameter children must name between 2 and 10 carousel item containers");
            }
            foreach (var child in children)
            {
                if (!containers.TryGetValue(child, out var item) || !item.CarouselItem)
                {
                    return GraphErrors.InvalidParameter($"The carousel child {child} is not a carousel item container of this account");
                }
                images.AddRange(item.Images);
            }
            foreach (var child in children)
            {
                containers.TryRemove(child, out _);
            }
        }
        else
        {
            var imageUrl = parameters.String("image_url");
            if (string.IsNullOrWhiteSpace(imageUrl))
            {
                return GraphErrors.InvalidParameter("The parameter image_url is required");
            }
            images.Add(new Photo(imageUrl, parameters.String("alt_text")));
        }
        var containerId = "1791" + state.Ids.NextGraphNumber();
        containers[containerId] = new Container(caption, images, carouselItem);
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
        if (userId != meta.InstagramAccountId || creationId is null || !containers.TryGetValue(creationId, out var container) || container.CarouselItem
            || !containers.TryRemove(creationId, out _))
        {
            return GraphErrors.InvalidParameter("The parameter creation_id is required and must name an unpublished media container (not a carousel item)");
        }
        var id = "1790" + state.Ids.NextGraphNumber();
        AddAccountPost(id, SimulatedPlatform.Instagram, container.Caption, container.Images, "image {0} published without alt_text");
        return new PlatformJson(200, new { id });
    }

    /// <summary>The account's own post with its images, noting each image that came without alt text.</summary>
    private void AddAccountPost(string id, SimulatedPlatform platform, string text, IReadOnlyList<Photo> photos, string missingAltText) => state.Add(new SimulatedEntry
    {
        Id = id,
        Platform = platform,
        Kind = EntryKind.Post,
        ByAccount = true,
        ViaApi = true,
        Text = text,
        At = state.Clock.GetUtcNow(),
        ThreadId = id,
        ImageUrl = photos.Count > 0 ? photos[0].Url : null,
        AltText = photos.Count > 0 ? photos[0].AltText : null,
        ImageUrls = photos.Select(p => p.Url).ToList(),
        ImageAltTexts = photos.Select(p => p.AltText ?? "").ToList(),
        Problems = photos.Select((p, i) => (p, i)).Where(x => string.IsNullOrWhiteSpace(x.p.AltText))
            .Select(x => string.Format(System.Globalization.CultureInfo.InvariantCulture, missingAltText, x.i + 1)).ToList(),
    });

    private sealed record Photo(string Url, string? AltText);

    /// <summary>An Instagram media container waiting to be published (or, as a carousel item, to be named by a carousel).</summary>
    private sealed record Container(string Caption, IReadOnlyList<Photo> Images, bool CarouselItem);

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
