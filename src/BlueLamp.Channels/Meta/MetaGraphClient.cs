using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Facebook Pages, Messenger and Instagram through the Graph API: direct replies (Send API), private replies to
/// comments, public comment replies, and the listings reconciliation reads to find what webhooks missed.
/// </summary>
public sealed class MetaGraphClient(HttpClient http, IOptionsMonitor<MetaOptions> options)
{
    /// <summary>Messenger's text limit, in UTF-16 characters as Meta documents it.</summary>
    public const int MessengerTextLimit = 2000;

    /// <summary>Instagram's limit: 1,000 bytes of UTF-8.</summary>
    public const int InstagramTextByteLimit = 1000;

    private const string PlatformName = "Meta";

    /// <summary>
    /// Sends a direct message to a person who wrote to the account (PSID or IGSID), as the window allows:
    /// <c>RESPONSE</c> within 24 hours, <c>MESSAGE_TAG</c>/<c>HUMAN_AGENT</c> within 7 days, nothing after.
    /// </summary>
    public Task<SendResult> SendMessageAsync(MetaAccountCredentials account, string recipientId, string text, MessagingWindowDecision window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!window.Allowed)
            return Task.FromResult(SendResult.Failed(PlatformFailure.Refused(window.Reason ?? "Meta's messaging window is closed.")));
        var request = new MetaSendRequest(
            new MetaRecipient(recipientId, null),
            window.Mode == MessagingMode.Standard ? "RESPONSE" : "MESSAGE_TAG",
            window.Mode == MessagingMode.HumanAgent ? "HUMAN_AGENT" : null,
            new MetaMessageText(text));
        return SendAsync(account, text, request, cancellationToken);
    }

    /// <summary>Answers a comment in the commenter's inbox (once per comment, within 7 days of it).</summary>
    public Task<SendResult> SendPrivateReplyAsync(MetaAccountCredentials account, string commentId, string text, MessagingWindowDecision window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!window.Allowed)
            return Task.FromResult(SendResult.Failed(PlatformFailure.Refused(window.Reason ?? "A private reply is no longer allowed.")));
        var request = new MetaSendRequest(new MetaRecipient(null, commentId), null, null, new MetaMessageText(text));
        return SendAsync(account, text, request, cancellationToken);
    }

    /// <summary>Replies publicly under a comment: <c>/{comment-id}/comments</c> on Facebook, <c>/{comment-id}/replies</c> on Instagram.</summary>
    public async Task<SendResult> ReplyToCommentAsync(MetaAccountCredentials account, string commentId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Refusal(account, text) is { } refused)
            return refused;
        var edge = account.Platform == Platform.Instagram ? "replies" : "comments";
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"{Uri.EscapeDataString(commentId)}/{edge}"))
        {
            Content = PlatformJson.Content(new MetaCommentRequest(text), MetaJsonContext.Default.MetaCommentRequest),
        };
        Authorize(request, account);
        var (response, failure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        if (!response!.IsSuccess)
            return SendResult.Failed(MetaErrors.Classify(response));
        var created = PlatformJson.Read(response.Body, MetaJsonContext.Default.MetaIdResponse);
        return created?.Id is { } id
            ? SendResult.Sent(id)
            : SendResult.Failed(new PlatformFailure("Meta accepted the reply but did not return its id.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>
    /// Hides a comment under the account's post from everyone but its author and their friends, or shows it again:
    /// <c>POST /{comment-id}</c> with <c>is_hidden</c> on Facebook, with <c>hide</c> on Instagram.
    /// </summary>
    public async Task<SendResult> SetCommentHiddenAsync(MetaAccountCredentials account, string commentId, bool hidden, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(commentId);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(Uri.EscapeDataString(commentId)))
        {
            Content = account.Platform == Platform.Instagram
                ? PlatformJson.Content(new MetaHideInstagramComment(hidden), MetaJsonContext.Default.MetaHideInstagramComment)
                : PlatformJson.Content(new MetaHideFacebookComment(hidden), MetaJsonContext.Default.MetaHideFacebookComment),
        };
        return await SucceedAsync(account, request, commentId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the Page's about text (<c>POST /{page-id}</c> with <c>about</c>); Instagram bios cannot be set through the Graph API.</summary>
    public async Task<SendResult> SetPageAboutAsync(MetaAccountCredentials account, string about, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(about);
        if (account.Platform != Platform.Facebook)
            return SendResult.Failed(PlatformFailure.Refused("Instagram does not let an app change the account's bio; copy the text into the app."));
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(Uri.EscapeDataString(account.AccountId)))
        {
            Content = PlatformJson.Content(new MetaPageAbout(about), MetaJsonContext.Default.MetaPageAbout),
        };
        return await SucceedAsync(account, request, account.AccountId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The latest messages of the account's most recently active conversations, as events, for reconciliation.
    /// </summary>
    public Task<FetchResult<IReadOnlyList<ChannelEvent>>> ListRecentMessagesAsync(MetaAccountCredentials account, int conversations = 25, int messagesEach = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var platform = account.Platform == Platform.Instagram ? "instagram" : "messenger";
        var query = $"platform={platform}&limit={conversations}&fields=" + Uri.EscapeDataString(
            $"id,updated_time,messages.limit({messagesEach}){{id,message,created_time,from,to}}");
        return ListAsync(account, $"{Uri.EscapeDataString(account.AccountId)}/conversations?{query}", MetaGraphListings.Conversations, cancellationToken);
    }

    /// <summary>
    /// The latest comments (and replies) under the account's most recent posts, as events, for reconciliation.
    /// </summary>
    public Task<FetchResult<IReadOnlyList<ChannelEvent>>> ListRecentCommentsAsync(MetaAccountCredentials account, int posts = 10, int commentsEach = 25, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var path = account.Platform == Platform.Instagram
            ? "media?fields=" + Uri.EscapeDataString($"id,permalink,timestamp,comments.limit({commentsEach}){{id,text,timestamp,from,username,parent_id,replies{{id,text,timestamp,from,username,parent_id}}}}")
            : "posts?fields=" + Uri.EscapeDataString($"id,permalink_url,created_time,comments.filter(stream).order(reverse_chronological).limit({commentsEach}){{id,message,created_time,from,parent{{id}}}}");
        return ListAsync(account, $"{Uri.EscapeDataString(account.AccountId)}/{path}&limit={posts}", MetaGraphListings.Comments, cancellationToken);
    }

    private async Task<SendResult> SendAsync(MetaAccountCredentials account, string text, MetaSendRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Refusal(account, text) is { } refused)
            return refused;
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"{Uri.EscapeDataString(account.AccountId)}/messages"))
        {
            Content = PlatformJson.Content(body, MetaJsonContext.Default.MetaSendRequest),
        };
        Authorize(request, account);
        var (response, failure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        if (!response!.IsSuccess)
            return SendResult.Failed(MetaErrors.Classify(response));
        var sent = PlatformJson.Read(response.Body, MetaJsonContext.Default.MetaSendResponse);
        return sent?.MessageId is { } id
            ? SendResult.Sent(id)
            : SendResult.Failed(new PlatformFailure("Meta accepted the message but did not return its id.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>Sends a Graph call answered with <c>{"success":true}</c>; the result carries <paramref name="id"/> when it succeeded.</summary>
    private async Task<SendResult> SucceedAsync(MetaAccountCredentials account, HttpRequestMessage request, string id, CancellationToken cancellationToken)
    {
        Authorize(request, account);
        var (response, failure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        if (!response!.IsSuccess)
            return SendResult.Failed(MetaErrors.Classify(response));
        return PlatformJson.Read(response.Body, MetaJsonContext.Default.MetaSuccessResponse)?.Success == true
            ? SendResult.Sent(id)
            : SendResult.Failed(new PlatformFailure("Meta did not confirm the change.", Retryable: true, NeedsReconnect: false, response.StatusCode));
    }

    private async Task<FetchResult<IReadOnlyList<ChannelEvent>>> ListAsync(
        MetaAccountCredentials account, string pathAndQuery, Func<JsonElement, MetaAccountCredentials, IReadOnlyList<ChannelEvent>> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(pathAndQuery));
        Authorize(request, account);
        var (response, failure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return FetchResult<IReadOnlyList<ChannelEvent>>.Failed(failure);
        if (!response!.IsSuccess)
            return FetchResult<IReadOnlyList<ChannelEvent>>.Failed(MetaErrors.Classify(response));
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return FetchResult<IReadOnlyList<ChannelEvent>>.Success(read(document.RootElement, account));
        }
        catch (JsonException e)
        {
            return FetchResult<IReadOnlyList<ChannelEvent>>.Failed(new PlatformFailure($"Meta's answer was not JSON ({e.Message}).", Retryable: true, NeedsReconnect: false, response.StatusCode));
        }
    }

    private static SendResult? Refusal(MetaAccountCredentials account, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return SendResult.Failed(PlatformFailure.Refused("The reply is empty."));
        if (account.Platform == Platform.Instagram && Encoding.UTF8.GetByteCount(text) > InstagramTextByteLimit)
            return SendResult.Failed(PlatformFailure.Refused(
                $"Instagram allows {InstagramTextByteLimit} bytes in a message; this one is {Encoding.UTF8.GetByteCount(text)} (accents and emoji take several). Shorten it."));
        if (account.Platform != Platform.Instagram && text.Length > MessengerTextLimit)
            return SendResult.Failed(PlatformFailure.Refused(
                $"Facebook allows {MessengerTextLimit} characters in a message; this one is {text.Length}. Shorten it by {text.Length - MessengerTextLimit}."));
        return null;
    }

    private Uri Url(string pathAndQuery)
    {
        var current = options.CurrentValue;
        return PlatformUrls.Combine(current.GraphBaseUrl, $"{current.GraphApiVersion}/{pathAndQuery}");
    }

    private static void Authorize(HttpRequestMessage request, MetaAccountCredentials account) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
}
