using System.Net.Http.Headers;
using BlueLamp.Channels.Common;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.X;

/// <summary>
/// The force's own posts on X: images uploaded first (<c>POST /2/media/upload</c>, then their alt text with
/// <c>POST /2/media/metadata</c>), then <c>POST /2/tweets</c> with the media ids; <c>DELETE /2/tweets/{id}</c> takes one down.
/// </summary>
public sealed class XPublishingClient(HttpClient http, IOptionsMonitor<XOptions> options)
{
    private const string PlatformName = "X";

    /// <summary>A post takes up to four images.</summary>
    public const int MaxImages = 4;

    /// <summary>X's limit for an image uploaded for a post (tweet_image).</summary>
    public const long MaxImageBytes = 5 * 1024 * 1024;

    public async Task<SendResult> CreatePostAsync(XCredentials account, string text, IReadOnlyList<ImageUpload>? images = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(text))
            return SendResult.Failed(PlatformFailure.Refused("The post is empty."));
        var length = XTextLength.Check(text);
        if (!length.Fits)
            return SendResult.Failed(PlatformFailure.Refused(length.Reason!));
        if (images is { Count: > MaxImages })
            return SendResult.Failed(PlatformFailure.Refused($"X takes at most {MaxImages} images in a post."));
        var mediaIds = new List<string>();
        foreach (var image in images ?? [])
        {
            var (mediaId, uploadFailure) = await UploadImageAsync(account, image, cancellationToken).ConfigureAwait(false);
            if (uploadFailure is not null)
                return SendResult.Failed(uploadFailure);
            mediaIds.Add(mediaId!);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("2/tweets"))
        {
            Content = PlatformJson.Content(new XPostRequest(text, null, mediaIds.Count > 0 ? new XPostMedia(mediaIds) : null), XJsonContext.Default.XPostRequest),
        };
        var (response, failure) = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        var created = PlatformJson.Read(response!.Body, XJsonContext.Default.XPostResponse);
        return created?.Data?.Id is { } id
            ? SendResult.Sent(id, XLinks.Post(null, id))
            : SendResult.Failed(new PlatformFailure("X accepted the post but did not return its id.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>Uploads one image and gives it its alt text; the media id to attach, or why not.</summary>
    private async Task<(string? MediaId, PlatformFailure? Failure)> UploadImageAsync(XCredentials account, ImageUpload image, CancellationToken cancellationToken)
    {
        if (image.Bytes.Length > MaxImageBytes)
            return (null, PlatformFailure.Refused($"X takes images up to {MaxImageBytes / 1024 / 1024} MB."));
        using var upload = new HttpRequestMessage(HttpMethod.Post, Url("2/media/upload"))
        {
            Content = PlatformJson.Content(new XMediaUploadRequest(Convert.ToBase64String(image.Bytes), "tweet_image", image.MimeType), XJsonContext.Default.XMediaUploadRequest),
        };
        var (uploaded, failure) = await SendAsync(upload, account, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return (null, failure);
        if (PlatformJson.Read(uploaded!.Body, XJsonContext.Default.XMediaUploadResponse)?.Data?.Id is not { } mediaId)
            return (null, new PlatformFailure("X accepted the image but did not return its media id.", Retryable: true, NeedsReconnect: false, uploaded.StatusCode));
        using var metadata = new HttpRequestMessage(HttpMethod.Post, Url("2/media/metadata"))
        {
            Content = PlatformJson.Content(new XMediaMetadataRequest(mediaId, new XMediaMetadata(new XAltText(image.AltText))), XJsonContext.Default.XMediaMetadataRequest),
        };
        var (_, metadataFailure) = await SendAsync(metadata, account, cancellationToken).ConfigureAwait(false);
        return metadataFailure is null ? (mediaId, null) : (null, metadataFailure);
    }

    public async Task<SendResult> DeletePostAsync(XCredentials account, string postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(postId);
        using var request = new HttpRequestMessage(HttpMethod.Delete, Url("2/tweets/" + Uri.EscapeDataString(postId)));
        var (_, failure) = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        return failure is null ? SendResult.Sent(postId) : SendResult.Failed(failure);
    }

    private async Task<(PlatformResponse? Response, PlatformFailure? Failure)> SendAsync(HttpRequestMessage request, XCredentials account, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        var (response, failure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return (null, failure);
        return response!.IsSuccess ? (response, null) : (null, XErrors.Classify(response));
    }

    private Uri Url(string pathAndQuery) => PlatformUrls.Combine(options.CurrentValue.ApiBaseUrl, pathAndQuery);
}
