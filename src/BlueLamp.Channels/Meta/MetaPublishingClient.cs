using System.Net.Http.Headers;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Publishing;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Publishes the force's own posts through the Graph API and takes them down again: a Page post
/// (<c>POST /{page-id}/feed</c>, <c>/{page-id}/photos</c> with an image and its alt text, or several photos attached to
/// one feed post), an Instagram image or carousel post (media containers, then <c>/{ig-user-id}/media_publish</c>), and
/// <c>DELETE /{object-id}</c> for either.
/// </summary>
public sealed class MetaPublishingClient(HttpClient http, IOptionsMonitor<MetaOptions> options)
{
    private const string PlatformName = "Meta";

    /// <summary>The most images one Instagram carousel takes (a Facebook post takes more than BlueLamp ever sends).</summary>
    public const int MaxInstagramImages = 10;

    /// <summary>
    /// Posts to a Facebook Page's feed: text alone (<c>/feed</c>), one photo (<c>/photos</c> with its alt text), or several:
    /// each photo uploaded unpublished with its alt text (<c>/photos</c>, <c>published=false</c>), then one feed post
    /// carrying them all (<c>attached_media</c>). Photos left unpublished by a failure further on are never shown.
    /// </summary>
    public async Task<SendResult> PublishToPageAsync(MetaAccountCredentials page, string message, IReadOnlyList<PostImage> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(images);
        if (string.IsNullOrWhiteSpace(message))
            return SendResult.Failed(PlatformFailure.Refused("The post is empty."));
        var pageId = Uri.EscapeDataString(page.AccountId);
        if (images.Count == 1)
            return await CreatePagePostAsync(page, Url($"{pageId}/photos"),
                PlatformJson.Content(new MetaPhotoRequest(images[0].Url, message, images[0].AltText, null), MetaPublishingJsonContext.Default.MetaPhotoRequest), cancellationToken).ConfigureAwait(false);

        var attached = new List<MetaAttachedMedia>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            using var upload = new HttpRequestMessage(HttpMethod.Post, Url($"{pageId}/photos"))
            {
                Content = PlatformJson.Content(new MetaPhotoRequest(images[i].Url, null, images[i].AltText, Published: false), MetaPublishingJsonContext.Default.MetaPhotoRequest),
            };
            var (uploaded, failure) = await SendAsync(upload, page, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
                return SendResult.Failed(failure with { Error = $"Image {i + 1}: {failure.Error}" });
            if (PlatformJson.Read(uploaded!.Body, MetaPublishingJsonContext.Default.MetaIdResponse)?.Id is not { } photoId)
                return SendResult.Failed(new PlatformFailure($"Meta accepted image {i + 1} but did not return its id.", Retryable: true, NeedsReconnect: false, uploaded.StatusCode));
            attached.Add(new MetaAttachedMedia(photoId));
        }
        return await CreatePagePostAsync(page, Url($"{pageId}/feed"),
            PlatformJson.Content(new MetaFeedRequest(message, attached.Count > 0 ? attached : null), MetaPublishingJsonContext.Default.MetaFeedRequest), cancellationToken).ConfigureAwait(false);
    }

    private async Task<SendResult> CreatePagePostAsync(MetaAccountCredentials page, Uri url, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        var (response, failure) = await SendAsync(request, page, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        var created = PlatformJson.Read(response!.Body, MetaPublishingJsonContext.Default.MetaPhotoResponse);
        return (created?.PostId ?? created?.Id) is { } id
            ? SendResult.Sent(id, "https://www.facebook.com/" + id)
            : SendResult.Failed(new PlatformFailure("Meta accepted the post but did not return its id.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>
    /// Publishes an image post on Instagram: one image's container, or for several a carousel (a container per image
    /// with <c>is_carousel_item</c>, then a <c>CAROUSEL</c> container naming them as <c>children</c>), then
    /// <c>media_publish</c>. Each image container carries its alt text.
    /// </summary>
    public async Task<SendResult> PublishToInstagramAsync(MetaAccountCredentials account, string caption, IReadOnlyList<PostImage> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0 || images.Any(i => string.IsNullOrWhiteSpace(i.Url)))
            return SendResult.Failed(PlatformFailure.Refused("Instagram needs an image."));
        if (images.Count > MaxInstagramImages)
            return SendResult.Failed(PlatformFailure.Refused($"Instagram takes at most {MaxInstagramImages} images in a post."));
        var userId = Uri.EscapeDataString(account.AccountId);
        string containerId;
        if (images.Count == 1)
        {
            var (single, failure) = await CreateContainerAsync(account, userId, new InstagramContainerRequest(images[0].Url, caption, images[0].AltText), "the image", cancellationToken).ConfigureAwait(false);
            if (failure is not null)
                return SendResult.Failed(failure);
            containerId = single!;
        }
        else
        {
            var children = new List<string>(images.Count);
            for (var i = 0; i < images.Count; i++)
            {
                var (child, failure) = await CreateContainerAsync(account, userId,
                    new InstagramContainerRequest(images[i].Url, null, images[i].AltText, IsCarouselItem: true), $"image {i + 1}", cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                    return SendResult.Failed(failure);
                children.Add(child!);
            }
            var (carousel, carouselFailure) = await CreateContainerAsync(account, userId,
                new InstagramContainerRequest(null, caption, null, MediaType: "CAROUSEL", Children: children), "the carousel", cancellationToken).ConfigureAwait(false);
            if (carouselFailure is not null)
                return SendResult.Failed(carouselFailure);
            containerId = carousel!;
        }

        using var publish = new HttpRequestMessage(HttpMethod.Post, Url($"{userId}/media_publish"))
        {
            Content = PlatformJson.Content(new InstagramPublishRequest(containerId), MetaPublishingJsonContext.Default.InstagramPublishRequest),
        };
        var (published, publishFailure) = await SendAsync(publish, account, cancellationToken).ConfigureAwait(false);
        if (publishFailure is not null)
            return SendResult.Failed(publishFailure);
        if (PlatformJson.Read(published!.Body, MetaPublishingJsonContext.Default.MetaIdResponse)?.Id is not { } mediaId)
            return SendResult.Failed(new PlatformFailure("Instagram published the post but did not return its id.", Retryable: false, NeedsReconnect: false, published.StatusCode));

        // The link is a nicety: a failure to read it must not make a published post look failed.
        using var read = new HttpRequestMessage(HttpMethod.Get, Url($"{Uri.EscapeDataString(mediaId)}?fields=permalink"));
        var (node, _) = await SendAsync(read, account, cancellationToken).ConfigureAwait(false);
        var permalink = node is null ? null : PlatformJson.Read(node.Body, MetaPublishingJsonContext.Default.MetaPermalinkResponse)?.Permalink;
        return SendResult.Sent(mediaId, permalink);
    }

    private async Task<(string? ContainerId, PlatformFailure? Failure)> CreateContainerAsync(
        MetaAccountCredentials account, string userId, InstagramContainerRequest body, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"{userId}/media"))
        {
            Content = PlatformJson.Content(body, MetaPublishingJsonContext.Default.InstagramContainerRequest),
        };
        var (created, failure) = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return (null, failure);
        return PlatformJson.Read(created!.Body, MetaPublishingJsonContext.Default.MetaIdResponse)?.Id is { } id
            ? (id, null)
            : (null, new PlatformFailure($"Instagram accepted {what} but did not return a container id.", Retryable: false, NeedsReconnect: false, created.StatusCode));
    }

    /// <summary>Turns comments off under an Instagram media (<c>POST /{ig-media-id}?comment_enabled=false</c>).</summary>
    public Task<SendResult> DisableInstagramCommentsAsync(MetaAccountCredentials account, string mediaId, CancellationToken cancellationToken = default) =>
        SetInstagramCommentsAsync(account, mediaId, enabled: false, cancellationToken);

    /// <summary>Turns comments on again under an Instagram media (<c>POST /{ig-media-id}?comment_enabled=true</c>).</summary>
    public Task<SendResult> EnableInstagramCommentsAsync(MetaAccountCredentials account, string mediaId, CancellationToken cancellationToken = default) =>
        SetInstagramCommentsAsync(account, mediaId, enabled: true, cancellationToken);

    private async Task<SendResult> SetInstagramCommentsAsync(MetaAccountCredentials account, string mediaId, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"{Uri.EscapeDataString(mediaId)}?comment_enabled={(enabled ? "true" : "false")}"));
        var (response, failure) = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        return PlatformJson.Read(response!.Body, MetaPublishingJsonContext.Default.MetaSuccessResponse) is { Success: true }
            ? SendResult.Sent(mediaId)
            : SendResult.Failed(new PlatformFailure($"Instagram did not confirm that comments are {(enabled ? "on" : "off")}.", Retryable: true, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>Deletes a Page post or an Instagram media. One that is already gone counts as deleted.</summary>
    public async Task<SendResult> DeleteAsync(MetaAccountCredentials account, string objectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        using var request = new HttpRequestMessage(HttpMethod.Delete, Url(Uri.EscapeDataString(objectId)));
        var (_, failure) = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (failure is { PlatformCode: "100/33" } or { HttpStatus: 404 })
            return SendResult.Sent(objectId);
        return failure is null ? SendResult.Sent(objectId) : SendResult.Failed(failure);
    }

    private async Task<(PlatformResponse? Response, PlatformFailure? Failure)> SendAsync(HttpRequestMessage request, MetaAccountCredentials account, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        var (response, failure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return (null, failure);
        return response!.IsSuccess ? (response, null) : (null, MetaErrors.Classify(response));
    }

    private Uri Url(string pathAndQuery)
    {
        var current = options.CurrentValue;
        return PlatformUrls.Combine(current.GraphBaseUrl, $"{current.GraphApiVersion}/{pathAndQuery}");
    }
}
