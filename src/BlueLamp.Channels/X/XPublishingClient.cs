using System.Net.Http.Headers;
using BlueLamp.Channels.Common;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.X;

/// <summary>The force's own posts on X: <c>POST /2/tweets</c> to publish, <c>DELETE /2/tweets/{id}</c> to take one down.</summary>
public sealed class XPublishingClient(HttpClient http, IOptionsMonitor<XOptions> options)
{
    private const string PlatformName = "X";

    public async Task<SendResult> CreatePostAsync(XCredentials account, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(text))
            return SendResult.Failed(PlatformFailure.Refused("The post is empty."));
        var length = XTextLength.Check(text);
        if (!length.Fits)
            return SendResult.Failed(PlatformFailure.Refused(length.Reason!));
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("2/tweets"))
        {
            Content = PlatformJson.Content(new XPostRequest(text, null), XJsonContext.Default.XPostRequest),
        };
        var (response, failure) = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        var created = PlatformJson.Read(response!.Body, XJsonContext.Default.XPostResponse);
        return created?.Data?.Id is { } id
            ? SendResult.Sent(id, XLinks.Post(null, id))
            : SendResult.Failed(new PlatformFailure("X accepted the post but did not return its id.", Retryable: false, NeedsReconnect: false, response.StatusCode));
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
