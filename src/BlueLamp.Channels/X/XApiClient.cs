using System.Net.Http.Headers;
using BlueLamp.Channels.Common;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.X;

/// <summary>
/// The X API v2: reply posts, direct messages, and the mentions timeline that is polled because webhook delivery on
/// X cannot be relied on.
/// </summary>
public sealed class XApiClient(HttpClient http, IOptionsMonitor<XOptions> options)
{
    /// <summary>X's limit on a direct message, in characters.</summary>
    public const int DirectMessageLimit = 10_000;

    private const string PlatformName = "X";

    private const string MentionFields =
        "tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,entities,note_tweet" +
        "&expansions=author_id&user.fields=name,username&max_results=100";

    private const string DirectMessageFields =
        "dm_event.fields=id,text,event_type,created_at,sender_id,dm_conversation_id" +
        "&event_types=MessageCreate&expansions=sender_id&user.fields=name,username&max_results=100";

    /// <summary>Posts a public reply under a post (<c>POST /2/tweets</c> with <c>reply.in_reply_to_tweet_id</c>).</summary>
    public async Task<SendResult> PostReplyAsync(XCredentials account, string text, string inReplyToPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var length = XTextLength.Check(text);
        if (string.IsNullOrWhiteSpace(text))
            return SendResult.Failed(PlatformFailure.Refused("The reply is empty."));
        if (!length.Fits)
            return SendResult.Failed(PlatformFailure.Refused(length.Reason!));
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("2/tweets"))
        {
            Content = PlatformJson.Content(new XPostRequest(text, new XReplySettings(inReplyToPostId)), XJsonContext.Default.XPostRequest),
        };
        var response = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null)
            return SendResult.Failed(response.Failure);
        var created = PlatformJson.Read(response.Response!.Body, XJsonContext.Default.XPostResponse);
        return created?.Data?.Id is { } id
            ? SendResult.Sent(id, XLinks.Post(null, id))
            : SendResult.Failed(new PlatformFailure("X accepted the post but did not return its id.", Retryable: false, NeedsReconnect: false, response.Response.StatusCode));
    }

    /// <summary>Sends a direct message in the one-to-one conversation with a person (<c>POST /2/dm_conversations/with/{id}/messages</c>).</summary>
    public async Task<SendResult> SendDirectMessageAsync(XCredentials account, string participantId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(text))
            return SendResult.Failed(PlatformFailure.Refused("The message is empty."));
        if (text.Length > DirectMessageLimit)
            return SendResult.Failed(PlatformFailure.Refused($"X allows {DirectMessageLimit} characters in a direct message; this one is {text.Length}."));
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"2/dm_conversations/with/{Uri.EscapeDataString(participantId)}/messages"))
        {
            Content = PlatformJson.Content(new XDirectMessageRequest(text), XJsonContext.Default.XDirectMessageRequest),
        };
        var response = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null)
            return SendResult.Failed(response.Failure);
        var sent = PlatformJson.Read(response.Response!.Body, XJsonContext.Default.XDirectMessageResponse);
        return sent?.Data?.EventId is { } id
            ? SendResult.Sent(id)
            : SendResult.Failed(new PlatformFailure("X accepted the message but did not return its id.", Retryable: false, NeedsReconnect: false, response.Response.StatusCode));
    }

    /// <summary>
    /// Hides a reply in a conversation the account started, or shows it again (<c>PUT /2/tweets/{id}/hidden</c>).
    /// X refuses for posts outside the account's own conversations.
    /// </summary>
    public async Task<SendResult> SetReplyHiddenAsync(XCredentials account, string postId, bool hidden, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(postId);
        using var request = new HttpRequestMessage(HttpMethod.Put, Url($"2/tweets/{Uri.EscapeDataString(postId)}/hidden"))
        {
            Content = PlatformJson.Content(new XHiddenRequest(hidden), XJsonContext.Default.XHiddenRequest),
        };
        var response = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null)
            return SendResult.Failed(response.Failure);
        return PlatformJson.Read(response.Response!.Body, XJsonContext.Default.XHiddenResponse)?.Data?.Hidden == hidden
            ? SendResult.Sent(postId)
            : SendResult.Failed(new PlatformFailure("X did not confirm the change.", Retryable: true, NeedsReconnect: false, response.Response.StatusCode));
    }

    /// <summary>
    /// Mentions of the account newer than <paramref name="sinceId"/> (<c>GET /2/users/{id}/mentions</c>), one page at a time.
    /// Keep <see cref="XMentionsPage.NewestId"/> of the first page as the next poll's since_id.
    /// </summary>
    public async Task<FetchResult<XMentionsPage>> GetMentionsAsync(XCredentials account, string? sinceId, string? paginationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var query = MentionFields
            + (sinceId is null ? "" : "&since_id=" + Uri.EscapeDataString(sinceId))
            + (paginationToken is null ? "" : "&pagination_token=" + Uri.EscapeDataString(paginationToken));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"2/users/{Uri.EscapeDataString(account.UserId)}/mentions?{query}"));
        var response = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null)
            return FetchResult<XMentionsPage>.Failed(response.Failure);
        var page = XMentionsParser.Parse(response.Response!.Body, account.UserId);
        return page.Parsed.IsMalformed
            ? FetchResult<XMentionsPage>.Failed(new PlatformFailure("X's mentions answer could not be read: " + page.Parsed.Error, Retryable: true, NeedsReconnect: false, response.Response.StatusCode))
            : FetchResult<XMentionsPage>.Success(page);
    }

    /// <summary>
    /// The account's recent direct messages, newest first (<c>GET /2/dm_events</c>), one page at a time: reconciliation
    /// reads them because X's webhook delivery of DMs cannot be relied on (and X's DM access is being withdrawn).
    /// </summary>
    public async Task<FetchResult<XDirectMessagesPage>> ListDirectMessagesAsync(XCredentials account, string? paginationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var query = DirectMessageFields + (paginationToken is null ? "" : "&pagination_token=" + Uri.EscapeDataString(paginationToken));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"2/dm_events?{query}"));
        var response = await SendAsync(request, account, cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null)
            return FetchResult<XDirectMessagesPage>.Failed(response.Failure);
        var page = XDirectMessagesParser.Parse(response.Response!.Body, account.UserId);
        return page.Parsed.IsMalformed
            ? FetchResult<XDirectMessagesPage>.Failed(new PlatformFailure("X's DM events answer could not be read: " + page.Parsed.Error, Retryable: true, NeedsReconnect: false, response.Response.StatusCode))
            : FetchResult<XDirectMessagesPage>.Success(page);
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
