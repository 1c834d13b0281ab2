using System.Globalization;
using System.Text.Json;
using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.X;

/// <summary>
/// The X API v2 endpoints BlueLamp calls: POST/DELETE /2/tweets, POST /2/dm_conversations/with/{id}/messages,
/// GET /2/users/{id}/mentions and GET /2/dm_events, with X's limits, ids and answers.
/// </summary>
public sealed class XApi(SimulatorState state, XGate gate, FaultBoard faults, AccountEchoes echoes, UploadedMedia media, IOptions<SimulatorOptions> options)
{
    private readonly XAccountOptions x = options.Value.X;

    public async Task<IResult> CreateTweetAsync(HttpRequest request)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "POST /2/tweets", 200, userContext: true);
        if (refusal is not null)
        {
            return refusal;
        }
        var body = await ReadJsonAsync(request);
        if (body is not { } json)
        {
            return XErrors.InvalidRequest("Request body must be a JSON object.");
        }
        var text = json.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrEmpty(text))
        {
            return XErrors.InvalidRequest("$.text: is missing but it is required");
        }
        if (XTweetText.WeightedLength(text) > XTweetText.MaxWeightedLength)
        {
            return XErrors.Forbidden("Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.");
        }
        SimulatedEntry? parent = null;
        if (json.TryGetProperty("reply", out var reply) && reply.TryGetProperty("in_reply_to_tweet_id", out var replyTo))
        {
            parent = state.Find(replyTo.GetString() ?? "");
            if (parent is not { Platform: SimulatedPlatform.X, Removed: false })
            {
                return XErrors.Forbidden("The Tweet you are replying to has been deleted or is not visible to you.");
            }
        }
        if (state.Entries(e => e.Platform == SimulatedPlatform.X && e.ByAccount && e.Kind is EntryKind.Post or EntryKind.Mention && !e.Removed && e.Text == text).Count > 0)
        {
            return XErrors.Forbidden("You are not allowed to create a Tweet with duplicate content.");
        }
        var altTexts = new List<string>();
        if (json.TryGetProperty("media", out var attached) && attached.TryGetProperty("media_ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            if (ids.GetArrayLength() > 4)
            {
                return XErrors.InvalidRequest("$.media.media_ids: must have at most 4 items");
            }
            foreach (var mediaId in ids.EnumerateArray())
            {
                if (media.Find(mediaId.GetString() ?? "", SimulatedPlatform.X) is not { } upload)
                {
                    return XErrors.InvalidRequest("Your media IDs are invalid.", "media.media_ids", mediaId.GetString());
                }
                altTexts.Add(upload.AltText ?? "");
            }
        }
        var id = state.Ids.NextSnowflake();
        var tweet = state.Add(new SimulatedEntry
        {
            ImageAltTexts = altTexts,
            Problems = altTexts.Any(string.IsNullOrEmpty) ? ["image posted without alt text"] : [],
            Id = id,
            Platform = SimulatedPlatform.X,
            Kind = parent is null ? EntryKind.Post : EntryKind.Mention,
            ByAccount = true,
            ViaApi = true,
            PersonId = parent?.PersonId,
            Text = text,
            At = state.Clock.GetUtcNow(),
            ParentId = parent?.Id,
            ThreadId = parent?.ThreadId ?? id,
        });
        echoes.After(tweet);
        return new PlatformJson(201, new { data = new { id, text, edit_history_tweet_ids = new[] { id } } }, headers);
    }

    /// <summary>POST /2/media/upload with the file base64-encoded in a JSON body: an image for a post (tweet_image), up to 5 MB.</summary>
    public async Task<IResult> UploadMediaAsync(HttpRequest request)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "POST /2/media/upload", 500, userContext: true);
        if (refusal is not null)
        {
            return refusal;
        }
        var body = await ReadJsonAsync(request);
        var encoded = body is { } json && json.TryGetProperty("media", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded ?? "");
        }
        catch (FormatException)
        {
            return XErrors.InvalidRequest("$.media: must be the file, base64-encoded");
        }
        if (bytes.Length == 0)
        {
            return XErrors.InvalidRequest("$.media: is missing but it is required");
        }
        if (bytes.Length > 5 * 1024 * 1024)
        {
            return XErrors.InvalidRequest("File size exceeds 5242880 bytes.");
        }
        var category = body!.Value.TryGetProperty("media_category", out var c) ? c.GetString() : null;
        var mimeType = body.Value.TryGetProperty("media_type", out var t) ? t.GetString() ?? "image/jpeg" : "image/jpeg";
        var id = state.Ids.NextSnowflake();
        media.Add(id, SimulatedPlatform.X, mimeType, bytes.Length);
        return new PlatformJson(200, new
        {
            data = new { id, media_key = "3_" + id, size = bytes.Length, expires_after_secs = 86400, media_category = category ?? "tweet_image" },
        }, headers);
    }

    /// <summary>POST /2/media/metadata: alt text (up to 1,000 characters) for an uploaded image.</summary>
    public async Task<IResult> MediaMetadataAsync(HttpRequest request)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "POST /2/media/metadata", 500, userContext: true);
        if (refusal is not null)
        {
            return refusal;
        }
        var body = await ReadJsonAsync(request);
        var id = body is { } json && json.TryGetProperty("id", out var i) ? i.GetString() : null;
        var alt = body is { } b && b.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("alt_text", out var altText)
            && altText.TryGetProperty("text", out var text) ? text.GetString() : null;
        if (string.IsNullOrEmpty(id) || alt is null)
        {
            return XErrors.InvalidRequest("$.id and $.metadata.alt_text.text are required");
        }
        if (alt.Length > 1000)
        {
            return XErrors.InvalidRequest("$.metadata.alt_text.text: must be at most 1000 characters long");
        }
        return media.SetAltText(id, SimulatedPlatform.X, alt)
            ? new PlatformJson(200, new { data = new { associated_metadata = true, id } }, headers)
            : XErrors.InvalidRequest($"Media {id} does not exist.", "id", id);
    }

    public async Task<IResult> DeleteTweetAsync(HttpRequest request, string id)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "DELETE /2/tweets/:id", 50, userContext: true);
        if (refusal is not null)
        {
            return refusal;
        }
        if (state.Find(id) is not { Platform: SimulatedPlatform.X, ByAccount: true })
        {
            return XErrors.Forbidden("You are not authorized to delete this Tweet.");
        }
        state.Update(id, e => e with { Removed = true });
        return new PlatformJson(200, new { data = new { deleted = true } }, headers);
    }

    /// <summary>PUT /2/tweets/:id/hidden: hides (or unhides) a reply in a conversation the account started.</summary>
    public async Task<IResult> SetHiddenAsync(HttpRequest request, string id)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "PUT /2/tweets/:id/hidden", 50, userContext: true);
        if (refusal is not null)
        {
            return refusal;
        }
        var body = await ReadJsonAsync(request);
        if (body is not { } json || !json.TryGetProperty("hidden", out var hidden) || hidden.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return XErrors.InvalidRequest("$.hidden: is missing but it is required");
        }
        if (state.Find(id) is not { Platform: SimulatedPlatform.X, Removed: false } tweet || tweet.ByAccount)
        {
            return XErrors.Forbidden("You are not allowed to hide this Tweet.");
        }
        if (state.Find(tweet.ThreadId ?? "") is not { ByAccount: true, Kind: EntryKind.Post } || tweet.ParentId is null)
        {
            return XErrors.Forbidden("You can only hide or unhide replies to conversations you authored.");
        }
        state.Update(id, e => e with { Hidden = hidden.GetBoolean() });
        return new PlatformJson(200, new { data = new { hidden = hidden.GetBoolean() } }, headers);
    }

    public async Task<IResult> SendDirectMessageAsync(HttpRequest request, string participantId)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "POST /2/dm_conversations/with/:participant_id/messages", 200, userContext: true);
        if (refusal is not null)
        {
            return refusal;
        }
        var body = await ReadJsonAsync(request);
        var text = body is { } json && json.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrEmpty(text))
        {
            return XErrors.InvalidRequest("$.text: is missing but it is required");
        }
        if (text.Length > 10_000)
        {
            return XErrors.InvalidRequest("$.text: must be at most 10000 characters long");
        }
        if (state.FindPerson(SimulatedPlatform.X, participantId) is null)
        {
            return XErrors.InvalidRequest($"The `participant_id` path parameter value [{participantId}] is not a valid user.", "participant_id", participantId);
        }
        var message = state.Add(new SimulatedEntry
        {
            Id = state.Ids.NextSnowflake(),
            Platform = SimulatedPlatform.X,
            Kind = EntryKind.DirectMessage,
            ByAccount = true,
            ViaApi = true,
            PersonId = participantId,
            Text = text,
            At = state.Clock.GetUtcNow(),
            ThreadId = state.ThreadFor(SimulatedPlatform.X, participantId),
        });
        echoes.After(message);
        return new PlatformJson(201, new { data = new { dm_conversation_id = message.ThreadId, dm_event_id = message.Id } }, headers);
    }

    /// <summary>GET /2/users/{id}/mentions: newest first, since_id/until_id exclusive, max_results 5–100, pagination_token.</summary>
    public async Task<IResult> MentionsAsync(HttpRequest request, string userId)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "GET /2/users/:id/mentions", 450, userContext: false);
        if (refusal is not null)
        {
            return refusal;
        }
        var query = request.Query;
        var maxResults = 10;
        if (query.TryGetValue("max_results", out var maxText) && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxResults) || maxResults is < 5 or > 100))
        {
            return XErrors.InvalidRequest($"The `max_results` query parameter value [{maxText}] is not between 5 and 100", "max_results", maxText.ToString());
        }
        if (!TryId(query, "since_id", out var sinceId, out var badSince) || !TryId(query, "until_id", out var untilId, out badSince))
        {
            return badSince!;
        }
        long? before = null;
        if (query.TryGetValue("pagination_token", out var token))
        {
            before = DecodeToken(token.ToString());
            if (before is null)
            {
                return XErrors.InvalidRequest($"The `pagination_token` query parameter value [{token}] is not valid", "pagination_token", token.ToString());
            }
        }
        var mentions = userId != x.UserId
            ? []
            : state.Entries(e => e.Platform == SimulatedPlatform.X && e.Kind == EntryKind.Mention && !e.ByAccount && !e.Removed)
                .Select(e => (Entry: e, Id: long.Parse(e.Id, CultureInfo.InvariantCulture)))
                .Where(m => (sinceId is null || m.Id > sinceId) && (untilId is null || m.Id < untilId) && (before is null || m.Id < before))
                .OrderByDescending(m => m.Id)
                .ToList();
        var page = mentions.Take(maxResults).ToList();
        var tweetFields = Fields(query, "tweet.fields");
        var meta = new Dictionary<string, object?> { ["result_count"] = page.Count };
        if (page.Count > 0)
        {
            meta["newest_id"] = page[0].Entry.Id;
            meta["oldest_id"] = page[^1].Entry.Id;
        }
        if (mentions.Count > page.Count)
        {
            meta["next_token"] = EncodeToken(page[^1].Id);
        }
        var result = new Dictionary<string, object?>();
        if (page.Count > 0)
        {
            result["data"] = page.Select(m => TweetV2(m.Entry, tweetFields)).ToList();
            if (Fields(query, "expansions").Contains("author_id"))
            {
                var userFields = Fields(query, "user.fields");
                result["includes"] = new
                {
                    users = page.Select(m => m.Entry.PersonId!).Distinct().Select(id => UserV2(id, userFields)).ToList(),
                };
            }
        }
        result["meta"] = meta;
        return new PlatformJson(200, result, headers);
    }

    /// <summary>GET /2/dm_events: the account's recent DM events, newest first, for reconciliation.</summary>
    public async Task<IResult> DirectMessageEventsAsync(HttpRequest request)
    {
        var (refusal, headers) = await gate.CheckAsync(request, "GET /2/dm_events", 300, userContext: true);
        if (refusal is not null)
        {
            return refusal;
        }
        if (faults.For(SimulatedPlatform.X).DirectMessagesForbidden)
        {
            return XErrors.ClientForbidden();
        }
        var query = request.Query;
        var maxResults = 100;
        if (query.TryGetValue("max_results", out var maxText) && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxResults) || maxResults is < 1 or > 100))
        {
            return XErrors.InvalidRequest($"The `max_results` query parameter value [{maxText}] is not between 1 and 100", "max_results", maxText.ToString());
        }
        long? before = query.TryGetValue("pagination_token", out var token) ? DecodeToken(token.ToString()) : null;
        var events = state.Entries(e => e.Platform == SimulatedPlatform.X && e.Kind == EntryKind.DirectMessage)
            .Select(e => (Entry: e, Id: long.Parse(e.Id, CultureInfo.InvariantCulture)))
            .Where(m => before is null || m.Id < before)
            .OrderByDescending(m => m.Id)
            .ToList();
        var page = events.Take(maxResults).ToList();
        var fields = Fields(query, "dm_event.fields");
        var meta = new Dictionary<string, object?> { ["result_count"] = page.Count };
        if (events.Count > page.Count)
        {
            meta["next_token"] = EncodeToken(page[^1].Id);
        }
        var result = new Dictionary<string, object?>();
        if (page.Count > 0)
        {
            result["data"] = page.Select(m => DmEvent(m.Entry, fields)).ToList();
            if (Fields(query, "expansions").Contains("sender_id"))
            {
                var userFields = Fields(query, "user.fields");
                result["includes"] = new
                {
                    users = page.Where(m => !m.Entry.ByAccount).Select(m => m.Entry.PersonId!).Distinct().Select(id => UserV2(id, userFields)).ToList(),
                };
            }
        }
        result["meta"] = meta;
        return new PlatformJson(200, result, headers);
    }

    private Dictionary<string, object?> TweetV2(SimulatedEntry tweet, HashSet<string> fields)
    {
        var result = new Dictionary<string, object?>();
        var parent = tweet.ParentId is null ? null : state.Find(tweet.ParentId);
        if (fields.Contains("author_id"))
        {
            result["author_id"] = tweet.ByAccount ? x.UserId : tweet.PersonId;
        }
        if (fields.Contains("conversation_id"))
        {
            result["conversation_id"] = tweet.ThreadId;
        }
        if (fields.Contains("created_at"))
        {
            result["created_at"] = tweet.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
        if (fields.Contains("in_reply_to_user_id") && parent is not null)
        {
            result["in_reply_to_user_id"] = parent.ByAccount ? x.UserId : parent.PersonId;
        }
        if (fields.Contains("referenced_tweets") && parent is not null)
        {
            result["referenced_tweets"] = new[] { new { type = "replied_to", id = parent.Id } };
        }
        if (fields.Contains("entities"))
        {
            var handle = "@" + x.Username;
            var at = tweet.Text.IndexOf(handle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                // v2 entity offsets count code points, not UTF-16 units.
                var start = tweet.Text[..at].EnumerateRunes().Count();
                result["entities"] = new { mentions = new[] { new { start, end = start + handle.Length, username = x.Username, id = x.UserId } } };
            }
        }
        if (fields.Contains("lang"))
        {
            result["lang"] = "en";
        }
        result["edit_history_tweet_ids"] = new[] { tweet.Id };
        result["id"] = tweet.Id;
        result["text"] = tweet.Text;
        return result;
    }

    private Dictionary<string, object?> UserV2(string id, HashSet<string> fields)
    {
        var person = state.FindPerson(SimulatedPlatform.X, id);
        var result = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = person?.Name ?? "Unknown",
            ["username"] = person?.Username ?? "unknown",
        };
        if (fields.Contains("verified"))
        {
            result["verified"] = false;
        }
        if (fields.Contains("protected"))
        {
            result["protected"] = false;
        }
        return result;
    }

    private Dictionary<string, object?> DmEvent(SimulatedEntry message, HashSet<string> fields)
    {
        var result = new Dictionary<string, object?>
        {
            ["id"] = message.Id,
            ["event_type"] = "MessageCreate",
            ["text"] = message.Text,
        };
        if (fields.Contains("sender_id"))
        {
            result["sender_id"] = message.ByAccount ? x.UserId : message.PersonId;
        }
        if (fields.Contains("dm_conversation_id"))
        {
            result["dm_conversation_id"] = message.ThreadId;
        }
        if (fields.Contains("created_at"))
        {
            result["created_at"] = message.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
        if (fields.Contains("participant_ids"))
        {
            result["participant_ids"] = new[] { x.UserId, message.PersonId };
        }
        return result;
    }

    private static HashSet<string> Fields(IQueryCollection query, string name) =>
        [.. query[name].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool TryId(IQueryCollection query, string name, out long? id, out IResult? error)
    {
        id = null;
        error = null;
        if (!query.TryGetValue(name, out var text))
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            id = parsed;
            return true;
        }
        error = XErrors.InvalidRequest($"The `{name}` query parameter value [{text}] is not valid", name, text.ToString());
        return false;
    }

    // Opaque to the caller, like X's; underneath, the id the next page starts below.
    private static string EncodeToken(long lastId) => "7p" + lastId.ToString("x", CultureInfo.InvariantCulture);

    private static long? DecodeToken(string token) =>
        token.StartsWith("7p", StringComparison.Ordinal) && long.TryParse(token.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task<JsonElement?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
