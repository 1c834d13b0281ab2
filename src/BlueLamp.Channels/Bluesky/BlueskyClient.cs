using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BlueLamp.Channels.Common;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// Bluesky over XRPC: notifications to poll, posts and replies with facets (createRecord), deleting a post
/// (deleteRecord, to withdraw an appeal), and chat through the PDS's chat proxy. Sessions come from
/// <see cref="BlueskySessionCache"/>, so an account logs in once and then only refreshes.
/// </summary>
public sealed class BlueskyClient(HttpClient http, IOptionsMonitor<BlueskyOptions> options, BlueskySessionCache sessions, TimeProvider time)
{
    private const string PlatformName = "Bluesky";

    private const string PostCollection = "app.bsky.feed.post";

    private const string ThreadgateCollection = "app.bsky.feed.threadgate";
    private const string ProfileCollection = "app.bsky.actor.profile";

    /// <summary>The newest notifications (or older ones, from <paramref name="cursor"/>), as events.</summary>
    public async Task<FetchResult<BlueskyNotificationsPage>> ListNotificationsAsync(BlueskyCredentials account, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = "limit=50" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        var (response, failure, session) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Get, Xrpc("app.bsky.notification.listNotifications?" + query)), chat: false, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return FetchResult<BlueskyNotificationsPage>.Failed(failure);
        var page = BlueskyNotificationsParser.Parse(response!.Body, session!.Did);
        return page.Parsed.IsMalformed
            ? FetchResult<BlueskyNotificationsPage>.Failed(new PlatformFailure("Bluesky's notifications could not be read: " + page.Parsed.Error, Retryable: true, NeedsReconnect: false, response.StatusCode))
            : FetchResult<BlueskyNotificationsPage>.Success(page);
    }

    /// <summary>
    /// Publishes a post, or a reply when <paramref name="replyTo"/> is given, with links, mentions and tags as facets.
    /// Refused before sending when it is over 300 characters as Bluesky counts them.
    /// </summary>
    public Task<SendResult> CreatePostAsync(BlueskyCredentials account, string text, BlueskyReplyTo? replyTo, IReadOnlyList<string>? languages = null, CancellationToken cancellationToken = default) =>
        CreatePostAsync(account, text, replyTo, languages, images: null, cancellationToken);

    /// <summary>A post is refused over this many images (app.bsky.embed.images).</summary>
    public const int MaxImages = 4;

    /// <summary>The PDS refuses image blobs over this size (app.bsky.embed.images accepts up to 1,000,000 bytes).</summary>
    public const long MaxImageBytes = 1_000_000;

    /// <summary>
    /// Publishes a post with images: each uploaded with com.atproto.repo.uploadBlob, then embedded as
    /// app.bsky.embed.images with its alt text.
    /// </summary>
    public async Task<SendResult> CreatePostAsync(BlueskyCredentials account, string text, BlueskyReplyTo? replyTo, IReadOnlyList<string>? languages,
        IReadOnlyList<ImageUpload>? images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = BlueskyTextLength.CheckPost(text);
        if (string.IsNullOrWhiteSpace(text))
            return SendResult.Failed(PlatformFailure.Refused("The post is empty."));
        if (!length.Fits)
            return SendResult.Failed(PlatformFailure.Refused(length.Reason!));
        BlueskyReplyRef? reply = null;
        if (replyTo is not null)
        {
            if (replyTo.Root.Cid is null || replyTo.Parent.Cid is null)
                return SendResult.Failed(PlatformFailure.Refused("A Bluesky reply must cite the CID of the root and parent posts; this conversation does not have them."));
            reply = new BlueskyReplyRef(new BlueskyStrongRef(replyTo.Root.Id, replyTo.Root.Cid), new BlueskyStrongRef(replyTo.Parent.Id, replyTo.Parent.Cid));
        }

        var (session, sessionFailure) = await SessionAsync(account, staleAccessJwt: null, cancellationToken).ConfigureAwait(false);
        if (sessionFailure is not null)
            return SendResult.Failed(sessionFailure);
        if (images is { Count: > MaxImages })
            return SendResult.Failed(PlatformFailure.Refused($"Bluesky takes at most {MaxImages} images in a post."));
        var embedded = new List<BlueskyEmbedImage>();
        foreach (var image in images ?? [])
        {
            if (image.Bytes.Length > MaxImageBytes)
                return SendResult.Failed(PlatformFailure.Refused($"Bluesky takes images up to {MaxImageBytes / 1000:#,0} KB; this one is {image.Bytes.Length / 1000:#,0} KB."));
            var (blobResponse, blobFailure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.uploadBlob"))
            {
                Content = new ByteArrayContent(image.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue(image.MimeType) } },
            }, chat: false, cancellationToken).ConfigureAwait(false);
            if (blobFailure is not null)
                return SendResult.Failed(blobFailure);
            if (PlatformJson.Read(blobResponse!.Body, BlueskyJsonContext.Default.BlueskyUploadBlobResponse)?.Blob is not { ValueKind: System.Text.Json.JsonValueKind.Object } blob)
                return SendResult.Failed(new PlatformFailure("Bluesky accepted the image but did not return its blob.", Retryable: true, NeedsReconnect: false, blobResponse.StatusCode));
            embedded.Add(new BlueskyEmbedImage(image.AltText, blob));
        }
        var facets = await FacetsAsync(account, text, cancellationToken).ConfigureAwait(false);
        var record = new BlueskyPostRecord(
            PostCollection, text, time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            languages is { Count: > 0 } ? languages : null, reply, facets.Count > 0 ? facets : null,
            embedded.Count > 0 ? new BlueskyImagesEmbed("app.bsky.embed.images", embedded) : null);
        var (response, failure, _) = await CallAsync(account, s => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.createRecord"))
        {
            Content = PlatformJson.Content(new BlueskyCreateRecordRequest(s.Did, PostCollection, record), BlueskyJsonContext.Default.BlueskyCreateRecordRequest),
        }, chat: false, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        var created = PlatformJson.Read(response!.Body, BlueskyJsonContext.Default.BlueskyCreateRecordResponse);
        return created?.Uri is { } uri
            ? SendResult.Sent(uri, BlueskyLinks.Post(uri, session!.Handle))
            : SendResult.Failed(new PlatformFailure("Bluesky accepted the post but did not return its URI.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>Deletes one of the account's own posts by its at:// URI.</summary>
    public async Task<SendResult> DeletePostAsync(BlueskyCredentials account, string postUri, CancellationToken cancellationToken = default)
    {
        if (BlueskyLinks.RecordKey(postUri) is not { } recordKey)
            return SendResult.Failed(PlatformFailure.Refused($"{postUri} is not an at:// post URI."));
        var (_, failure, _) = await CallAsync(account, s => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.deleteRecord"))
        {
            Content = PlatformJson.Content(new BlueskyDeleteRecordRequest(s.Did, PostCollection, recordKey), BlueskyJsonContext.Default.BlueskyDeleteRecordRequest),
        }, chat: false, cancellationToken).ConfigureAwait(false);
        return failure is null ? SendResult.Sent(postUri) : SendResult.Failed(failure);
    }

    /// <summary>The most replies one threadgate hides (the lexicon's maxLength of <c>hiddenReplies</c>).</summary>
    public const int MaxHiddenReplies = 50;

    /// <summary>How many times a threadgate is read and written again when the account changed it in between (InvalidSwap).</summary>
    private const int ThreadgateAttempts = 4;

    /// <summary>
    /// Turns replies off under one of the account's posts and hides the replies already there, keeping what the account
    /// set itself in the app: the <c>app.bsky.feed.threadgate</c> record (rkey the post's) is read
    /// (com.atproto.repo.getRecord), its allow rules are kept aside while nobody may reply (<c>allow: []</c>), the account's
    /// own hidden replies stay hidden beside <paramref name="hiddenReplies"/>, and every other field is kept. It is written
    /// with putRecord and <c>swapRecord</c> (the CID read, or null when there was none), so a change the account makes
    /// meanwhile is never lost: an InvalidSwap reads and merges again. <paramref name="earlier"/> is what an earlier attempt
    /// of the same hold found, so a retry does not take the hold's own <c>allow: []</c> for the account's rules.
    /// </summary>
    public async Task<BlueskyThreadgateWrite> CloseRepliesAsync(BlueskyCredentials account, string postUri, IReadOnlyList<string> hiddenReplies,
        BlueskyThreadgateHold? earlier = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hiddenReplies);
        if (BlueskyLinks.RecordKey(postUri) is not { } recordKey)
            return new(SendResult.Failed(PlatformFailure.Refused($"{postUri} is not an at:// post URI.")), earlier);
        BlueskyThreadgateHold? hold = earlier;
        for (var attempt = 0; attempt < ThreadgateAttempts; attempt++)
        {
            var (current, readFailure) = await ReadThreadgateAsync(account, recordKey, cancellationToken).ConfigureAwait(false);
            if (readFailure is not null)
                return new(SendResult.Failed(readFailure), hold);
            var record = current?.Record ?? NewThreadgate(postUri);
            var theirs = HiddenReplies(record).Except(hold?.HiddenAdded ?? [], StringComparer.Ordinal).ToList();
            var ours = (hold?.HiddenAdded ?? []).Concat(hiddenReplies).Distinct(StringComparer.Ordinal).Where(r => !theirs.Contains(r, StringComparer.Ordinal)).ToList();
            hold = new BlueskyThreadgateHold(
                hold?.HadAllow ?? record.ContainsKey("allow"),
                hold is null ? record["allow"]?.ToJsonString() : hold.AllowBefore,
                ours);
            if (theirs.Count + ours.Count > MaxHiddenReplies)
                return new(SendResult.Failed(PlatformFailure.Refused(
                    $"A threadgate hides at most {MaxHiddenReplies} replies: the account already hides {theirs.Count} under this post and the hold would add {ours.Count}. " +
                    "Replies are not turned off; unhide some in the Bluesky app and try again.")), earlier ?? hold with { HiddenAdded = [] });
            record["allow"] = new JsonArray();
            record["hiddenReplies"] = new JsonArray([.. theirs.Concat(ours).Select(r => (JsonNode?)JsonValue.Create(r))]);
            var failure = await WriteThreadgateAsync(account, recordKey, record, current?.Cid, cancellationToken).ConfigureAwait(false);
            if (failure?.PlatformCode == "InvalidSwap")
                continue; // the account changed it in the app since it was read: read and merge again
            return new(failure is null ? SendResult.Sent(postUri) : SendResult.Failed(failure), hold);
        }
        return new(SendResult.Failed(new PlatformFailure("The post's threadgate kept changing while BlueLamp merged the hold into it; it is tried again.", Retryable: true, NeedsReconnect: false, null)), hold);
    }

    /// <summary>
    /// Lifts a comment hold under one of the account's posts, restoring only what the hold changed (<paramref name="hold"/>):
    /// the replies it hid are shown, and the allow rules the account had come back, unless the account changed them
    /// meanwhile. What the account set itself stays. A threadgate left with nothing in it is deleted; one already gone
    /// counts as done. Written with swapRecord like <see cref="CloseRepliesAsync"/>. Without <paramref name="hold"/> (a hold
    /// recorded before holds were recorded this way) the threadgate is deleted, as then.
    /// </summary>
    public async Task<SendResult> OpenRepliesAsync(BlueskyCredentials account, string postUri, BlueskyThreadgateHold? hold = null, CancellationToken cancellationToken = default)
    {
        if (BlueskyLinks.RecordKey(postUri) is not { } recordKey)
            return SendResult.Failed(PlatformFailure.Refused($"{postUri} is not an at:// post URI."));
        for (var attempt = 0; attempt < ThreadgateAttempts; attempt++)
        {
            var (current, readFailure) = await ReadThreadgateAsync(account, recordKey, cancellationToken).ConfigureAwait(false);
            if (readFailure is not null)
                return SendResult.Failed(readFailure);
            if (current is null)
                return SendResult.Sent(postUri);
            var record = current.Record;
            if (hold is not null)
            {
                var kept = HiddenReplies(record).Except(hold.HiddenAdded, StringComparer.Ordinal).ToList();
                if (kept.Count > 0)
                    record["hiddenReplies"] = new JsonArray([.. kept.Select(r => (JsonNode?)JsonValue.Create(r))]);
                else
                    record.Remove("hiddenReplies");
                // Only the hold's own "nobody may reply" is undone: rules the account set meanwhile stay.
                if (record["allow"] is JsonArray { Count: 0 })
                {
                    if (hold.HadAllow && hold.AllowBefore is { } before)
                        record["allow"] = JsonNode.Parse(before);
                    else
                        record.Remove("allow");
                }
            }
            var empty = hold is null || (!record.ContainsKey("allow") && !record.ContainsKey("hiddenReplies")
                && record["detachedEmbeddingUris"] is null or JsonArray { Count: 0 });
            var failure = empty
                ? await DeleteThreadgateAsync(account, recordKey, current.Cid, cancellationToken).ConfigureAwait(false)
                : await WriteThreadgateAsync(account, recordKey, record, current.Cid, cancellationToken).ConfigureAwait(false);
            if (failure?.PlatformCode == "InvalidSwap")
                continue;
            return failure is null ? SendResult.Sent(postUri) : SendResult.Failed(failure);
        }
        return SendResult.Failed(new PlatformFailure("The post's threadgate kept changing while BlueLamp lifted the hold; it is tried again.", Retryable: true, NeedsReconnect: false, null));
    }

    private JsonObject NewThreadgate(string postUri) => new()
    {
        ["$type"] = ThreadgateCollection,
        ["post"] = postUri,
        ["createdAt"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };

    private static List<string> HiddenReplies(JsonObject record) =>
        record["hiddenReplies"] is JsonArray replies ? [.. replies.OfType<JsonValue>().Select(r => r.GetValue<string>())] : [];

    /// <summary>The post's threadgate record and its CID, or null when it has none.</summary>
    private async Task<(StoredThreadgate? Current, PlatformFailure? Failure)> ReadThreadgateAsync(BlueskyCredentials account, string recordKey, CancellationToken cancellationToken)
    {
        var (response, failure, _) = await CallAsync(account, s => new HttpRequestMessage(HttpMethod.Get,
            Xrpc($"com.atproto.repo.getRecord?repo={Uri.EscapeDataString(s.Did)}&collection={ThreadgateCollection}&rkey={Uri.EscapeDataString(recordKey)}")), chat: false, cancellationToken).ConfigureAwait(false);
        if (failure?.PlatformCode == "RecordNotFound")
            return (null, null);
        if (failure is not null)
            return (null, failure);
        var read = JsonNode.Parse(response!.Body) as JsonObject;
        return read?["value"] is JsonObject value && read["cid"]?.GetValue<string>() is { } cid
            ? (new StoredThreadgate(value, cid), null)
            : (null, new PlatformFailure("Bluesky's answer for the post's threadgate had no record or CID.", Retryable: true, NeedsReconnect: false, response.StatusCode));
    }

    private async Task<PlatformFailure?> WriteThreadgateAsync(BlueskyCredentials account, string recordKey, JsonObject record, string? swapCid, CancellationToken cancellationToken)
    {
        var (_, failure, _) = await CallAsync(account, s => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.putRecord"))
        {
            // swapRecord null: there must still be no threadgate, as when it was read.
            Content = new StringContent(new JsonObject
            {
                ["repo"] = s.Did, ["collection"] = ThreadgateCollection, ["rkey"] = recordKey, ["record"] = record.DeepClone(), ["swapRecord"] = swapCid,
            }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        }, chat: false, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    private async Task<PlatformFailure?> DeleteThreadgateAsync(BlueskyCredentials account, string recordKey, string swapCid, CancellationToken cancellationToken)
    {
        var (_, failure, _) = await CallAsync(account, s => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.deleteRecord"))
        {
            Content = new StringContent(new JsonObject
            {
                ["repo"] = s.Did, ["collection"] = ThreadgateCollection, ["rkey"] = recordKey, ["swapRecord"] = swapCid,
            }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        }, chat: false, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    private sealed record StoredThreadgate(JsonObject Record, string Cid);

    /// <summary>The account's chat convos, most recently active first.</summary>
    public async Task<FetchResult<BlueskyConvoPage>> ListConvosAsync(BlueskyCredentials account, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = "limit=50" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        var (response, failure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Get, Xrpc("chat.bsky.convo.listConvos?" + query)), chat: true, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return FetchResult<BlueskyConvoPage>.Failed(failure);
        var page = BlueskyChatParser.ParseConvos(response!.Body);
        return page.Error is null
            ? FetchResult<BlueskyConvoPage>.Success(page)
            : FetchResult<BlueskyConvoPage>.Failed(new PlatformFailure("Bluesky's convo list could not be read: " + page.Error, Retryable: true, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>The newest messages of a convo (or older ones, from <paramref name="cursor"/>), as events.</summary>
    public async Task<FetchResult<BlueskyMessagesPage>> GetMessagesAsync(BlueskyCredentials account, BlueskyConvo convo, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(convo);
        var query = "convoId=" + Uri.EscapeDataString(convo.Id) + "&limit=50" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        var (response, failure, session) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Get, Xrpc("chat.bsky.convo.getMessages?" + query)), chat: true, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return FetchResult<BlueskyMessagesPage>.Failed(failure);
        var page = BlueskyChatParser.ParseMessages(response!.Body, session!.Did, convo);
        return page.Parsed.IsMalformed
            ? FetchResult<BlueskyMessagesPage>.Failed(new PlatformFailure("Bluesky's messages could not be read: " + page.Parsed.Error, Retryable: true, NeedsReconnect: false, response.StatusCode))
            : FetchResult<BlueskyMessagesPage>.Success(page);
    }

    /// <summary>Sends a chat message into an existing convo.</summary>
    public async Task<SendResult> SendChatMessageAsync(BlueskyCredentials account, string convoId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = BlueskyTextLength.CheckChat(text);
        if (string.IsNullOrWhiteSpace(text))
            return SendResult.Failed(PlatformFailure.Refused("The message is empty."));
        if (!length.Fits)
            return SendResult.Failed(PlatformFailure.Refused(length.Reason!));
        var facets = await FacetsAsync(account, text, cancellationToken).ConfigureAwait(false);
        var body = new BlueskySendMessageRequest(convoId, new BlueskyMessageInput(text, facets.Count > 0 ? facets : null));
        var (response, failure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Post, Xrpc("chat.bsky.convo.sendMessage"))
        {
            Content = PlatformJson.Content(body, BlueskyJsonContext.Default.BlueskySendMessageRequest),
        }, chat: true, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        var sent = PlatformJson.Read(response!.Body, BlueskyJsonContext.Default.BlueskyMessageViewResponse);
        return sent?.Id is { } id
            ? SendResult.Sent(id)
            : SendResult.Failed(new PlatformFailure("Bluesky accepted the message but did not return its id.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>
    /// Whether the account may open a chat with a person (<c>chat.bsky.convo.getConvoAvailability</c>): people choose to
    /// take chats from everyone, from those they follow, or from nobody.
    /// </summary>
    public async Task<(bool CanChat, PlatformFailure? Failure)> CanChatAsync(BlueskyCredentials account, string did, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(did);
        var (response, failure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Get, Xrpc("chat.bsky.convo.getConvoAvailability?members=" + Uri.EscapeDataString(did))), chat: true, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return (false, failure);
        return PlatformJson.Read(response!.Body, BlueskyJsonContext.Default.BlueskyConvoAvailabilityResponse)?.CanChat is { } canChat
            ? (canChat, null)
            : (false, new PlatformFailure("Bluesky's chat availability answer could not be read.", Retryable: true, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>Sends a chat message to a person, opening the convo with them first (<c>getConvoForMembers</c>, then <c>sendMessage</c>).</summary>
    public async Task<SendResult> SendChatMessageToAsync(BlueskyCredentials account, string did, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(did);
        var (response, failure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Get, Xrpc("chat.bsky.convo.getConvoForMembers?members=" + Uri.EscapeDataString(did))), chat: true, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        return PlatformJson.Read(response!.Body, BlueskyJsonContext.Default.BlueskyConvoResponse)?.Convo?.Id is { } convoId
            ? await SendChatMessageAsync(account, convoId, text, cancellationToken).ConfigureAwait(false)
            : SendResult.Failed(new PlatformFailure("Bluesky did not return the convo with this person.", Retryable: true, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>
    /// Sets the account's profile description: reads the <c>app.bsky.actor.profile</c> record (rkey <c>self</c>), keeps
    /// everything else in it (name, avatar, banner), and writes it back with <c>putRecord</c>, swapping only the
    /// version read so a change made meanwhile elsewhere is not overwritten.
    /// </summary>
    public async Task<SendResult> SetProfileDescriptionAsync(BlueskyCredentials account, string description, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var (session, sessionFailure) = await SessionAsync(account, staleAccessJwt: null, cancellationToken).ConfigureAwait(false);
        if (sessionFailure is not null)
            return SendResult.Failed(sessionFailure);
        var query = $"repo={Uri.EscapeDataString(session!.Did)}&collection={ProfileCollection}&rkey=self";
        var (current, readFailure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Get, Xrpc("com.atproto.repo.getRecord?" + query)), chat: false, cancellationToken).ConfigureAwait(false);
        JsonObject record;
        string? swap = null;
        if (readFailure is null)
        {
            var existing = JsonNode.Parse(current!.Body) as JsonObject;
            record = existing?["value"] as JsonObject ?? new JsonObject();
            existing?.Remove("value");
            swap = existing?["cid"]?.GetValue<string>();
        }
        else if (readFailure.PlatformCode == "RecordNotFound")
        {
            record = [];
        }
        else
        {
            return SendResult.Failed(readFailure);
        }
        record["$type"] = ProfileCollection;
        record["description"] = description;
        var body = new JsonObject { ["repo"] = session.Did, ["collection"] = ProfileCollection, ["rkey"] = "self", ["record"] = record };
        if (swap is not null)
            body["swapRecord"] = swap;
        var (response, failure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.putRecord"))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        }, chat: false, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return SendResult.Failed(failure);
        return PlatformJson.Read(response!.Body, BlueskyJsonContext.Default.BlueskyCreateRecordResponse)?.Uri is { } uri
            ? SendResult.Sent(uri)
            : SendResult.Failed(new PlatformFailure("Bluesky accepted the profile but did not return its URI.", Retryable: false, NeedsReconnect: false, response.StatusCode));
    }

    /// <summary>
    /// Makes an authenticated call; when the access token turns out stale, renews the session once and repeats.
    /// </summary>
    private async Task<(PlatformResponse? Response, PlatformFailure? Failure, BlueskySession? Session)> CallAsync(
        BlueskyCredentials account, Func<BlueskySession, HttpRequestMessage> build, bool chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (session, failure) = await SessionAsync(account, staleAccessJwt: null, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            if (failure is not null)
                return (null, failure, null);
            using var request = build(session!);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session!.AccessJwt);
            if (chat)
                request.Headers.TryAddWithoutValidation("atproto-proxy", options.CurrentValue.ChatProxy);
            var (response, sendFailure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
            if (sendFailure is not null)
                return (null, sendFailure, session);
            if (response!.IsSuccess)
                return (response, null, session);
            if (attempt > 0 || !BlueskyErrors.IsStaleAccessToken(response))
                return (null, BlueskyErrors.Classify(response), session);
            (session, failure) = await SessionAsync(account, session!.AccessJwt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The account's session: the cached one while its access token is fresh, else refreshed, else a new login.
    /// <paramref name="staleAccessJwt"/> is the token the server just refused; if another caller already renewed it,
    /// the renewed session is used without renewing again.
    /// </summary>
    private async Task<(BlueskySession? Session, PlatformFailure? Failure)> SessionAsync(BlueskyCredentials account, string? staleAccessJwt, CancellationToken cancellationToken)
    {
        var gate = sessions.Gate(account.Identifier);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = sessions.Get(account.Identifier);
            if (current is not null && current.AccessJwt != staleAccessJwt
                && (current.AccessExpiresAt is null || current.AccessExpiresAt.Value - options.CurrentValue.SessionRefreshMargin > time.GetUtcNow()))
                return (current, null);

            if (current is not null)
            {
                using var refresh = new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.server.refreshSession"));
                refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.RefreshJwt);
                var (refreshed, refreshFailure) = await ReadSessionAsync(refresh, cancellationToken).ConfigureAwait(false);
                if (refreshed is not null)
                {
                    sessions.Set(account.Identifier, refreshed);
                    return (refreshed, null);
                }
                // A transient failure must not burn one of the few logins allowed; only a dead refresh token does.
                if (refreshFailure is { NeedsReconnect: false })
                    return (null, refreshFailure);
                sessions.Forget(account.Identifier);
            }

            using var login = new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.server.createSession"))
            {
                Content = PlatformJson.Content(new BlueskyCreateSessionRequest(account.Identifier, account.AppPassword), BlueskyJsonContext.Default.BlueskyCreateSessionRequest),
            };
            var (created, loginFailure) = await ReadSessionAsync(login, cancellationToken).ConfigureAwait(false);
            if (created is null)
                return (null, loginFailure);
            sessions.Set(account.Identifier, created);
            return (created, null);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(BlueskySession? Session, PlatformFailure? Failure)> ReadSessionAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (response, failure) = await PlatformHttp.SendAsync(http, request, PlatformName, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return (null, failure);
        if (!response!.IsSuccess)
            return (null, BlueskyErrors.Classify(response));
        var body = PlatformJson.Read(response.Body, BlueskyJsonContext.Default.BlueskySessionResponse);
        if (body is not { Did: { } did, AccessJwt: { } access, RefreshJwt: { } refresh })
            return (null, new PlatformFailure("Bluesky's session answer had no tokens.", Retryable: true, NeedsReconnect: false, response.StatusCode));
        return (new BlueskySession(did, body.Handle, access, refresh, BlueskySessionCache.ExpiryOf(access)), null);
    }

    /// <summary>Facets for the text; a mention whose handle does not resolve is left as plain text, as Bluesky's own app does.</summary>
    private async Task<List<BlueskyFacetRecord>> FacetsAsync(BlueskyCredentials account, string text, CancellationToken cancellationToken)
    {
        var facets = new List<BlueskyFacetRecord>();
        foreach (var facet in BlueskyFacets.Detect(text))
        {
            BlueskyFacetFeature? feature = facet.Kind switch
            {
                BlueskyFacetKind.Link => new BlueskyFacetFeature("app.bsky.richtext.facet#link", Uri: facet.Value),
                BlueskyFacetKind.Tag => new BlueskyFacetFeature("app.bsky.richtext.facet#tag", Tag: facet.Value),
                _ => await ResolveHandleAsync(account, facet.Value, cancellationToken).ConfigureAwait(false) is { } did
                    ? new BlueskyFacetFeature("app.bsky.richtext.facet#mention", Did: did)
                    : null,
            };
            if (feature is not null)
                facets.Add(new BlueskyFacetRecord(new BlueskyByteSlice(facet.ByteStart, facet.ByteEnd), [feature]));
        }
        return facets;
    }

    private async Task<string?> ResolveHandleAsync(BlueskyCredentials account, string handle, CancellationToken cancellationToken)
    {
        var (response, failure, _) = await CallAsync(account, _ => new HttpRequestMessage(HttpMethod.Get, Xrpc("com.atproto.identity.resolveHandle?handle=" + Uri.EscapeDataString(handle))), chat: false, cancellationToken).ConfigureAwait(false);
        return failure is null ? PlatformJson.Read(response!.Body, BlueskyJsonContext.Default.BlueskyResolveHandleResponse)?.Did : null;
    }

    private Uri Xrpc(string methodAndQuery) => PlatformUrls.Combine(options.CurrentValue.ServiceUrl, "xrpc/" + methodAndQuery);
}
