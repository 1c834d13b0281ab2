using System.Net.Http.Headers;
using BlueLamp.Channels.Common;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Publishes the force's own posts through the Graph API and takes them down again: a Page post
/// (<c>POST /{page-id}/feed</c>, or <c>/{page-id}/photos</c> with an image and its alt text), an Instagram image post
/// (a media container, then <c>/{ig-user-id}/media_publish</c>), and <c>DELETE /{object-id}</c> for either.
/// </summary>
public sealed class MetaPublishingClient(HttpClient http, IOptionsMonitor<MetaOptions> options)
{
    private const string PlatformName = "Meta";

    /// <summary>Posts to a Facebook Page's feed, as a photo post when an image is given.</summary>
    public async Task<SendResult> PublishToPageAsync(MetaAccountCredentials page, string message, string? imageUrl, string? altText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(message))
            return SendResult.Failed(PlatformFailure.Refused("The post is empty."));
        var pageId = Uri.EscapeDataString(page.AccountId);
        using var request = imageUrl is null
            ? new HttpRequestMessage(HttpMethod.Post, Url($"{pageId}/feed")) { Content = PlatformJson.Content(new MetaFeedRequest(message), MetaPublishingJsonContext.Default.MetaFeedRequest) }
            : new HttpRequestMessage(HttpMethod.Post, Url($"{pageId}/photos")) { Content = PlatformJson.Content(new MetaPhotoRequest(imageUrl, message, altText ?? ""), MetaPublishingJsonContext.Default.MetaPhotoRequest) };
        var (response, failure) = await SendAsync(request, page, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        var created = PlatformJson.Read(response!.Body, MetaPublishingJsonContext.Default.MetaPhotoResponse);
        return (created?.PostId ?? created?.Id) is { } id
            ? SendResult.Sent(id, "https://www.facebook.com/" + id)
            : SendResult.Failed(new PlatformFailure("Meta accepted the post but did not return its id.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>Publishes an image post on Instagram: creates the media container, then publishes it.</summary>
    public async Task<SendResult> PublishToInstagramAsync(MetaAccountCredentials account, string caption, string imageUrl, string altText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(imageUrl))
            return SendResult.Failed(PlatformFailure.Refused("Instagram needs an image."));
        var userId = Uri.EscapeDataString(account.AccountId);
        using var container = new HttpRequestMessage(HttpMethod.Post, Url($"{userId}/media"))
        {
            Content = PlatformJson.Content(new InstagramContainerRequest(imageUrl, caption, altText), MetaPublishingJsonContext.Default.InstagramContainerRequest),
        };
        var (created, failure) = await SendAsync(container, account, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        if (PlatformJson.Read(created!.Body, MetaPublishingJsonContext.Default.MetaIdResponse)?.Id is not { } containerId)
            return SendResult.Failed(new PlatformFailure("Instagram accepted the image but did not return a container id.", Retryable: false, NeedsReconnect: false, created.StatusCode));

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

    /// <summary>
    /// Turns comments off under an Instagram media (<c>POST /{ig-media-id}?comment_enabled=false</c>, comment moderation).
    /// Facebook Page posts have no such setting in the Graph API; only single comments can be hidden.
    /// </summary>
    public async Task<SendResult> DisableInstagramCommentsAsync(MetaAccountCredentials account, string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"{Uri.EscapeDataString(mediaId)}?comment_enabled=false"));
        var (response, failure) = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        return PlatformJson.Read(response!.Body, MetaPublishingJsonContext.Default.MetaSuccessResponse) is { Success: true }
            ? SendResult.Sent(mediaId)
            : SendResult.Failed(new PlatformFailure("Instagram did not confirm that comments are off.", Retryable: true, NeedsReconnect: false, response.StatusCode));
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
