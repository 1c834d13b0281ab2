using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.X;

/// <summary>
/// Reads an X Account Activity API webhook body: <c>direct_message_events</c> (<c>message_create</c>) with the
/// <c>users</c> map for names, <c>tweet_create_events</c> (v1.1 tweet objects: mentions, replies, quotes) and
/// <c>tweet_delete_events</c>. What the subscribed account itself sent or posted is left out.
/// </summary>
public static class XAccountActivityParser
{
    private static readonly string[] KnownNonMessageKinds =
    [
        "favorite_events", "follow_events", "unfollow_events", "block_events", "unblock_events", "mute_events",
        "unmute_events", "user_event", "direct_message_indicate_typing_events", "direct_message_mark_read_events",
    ];

    public static ChannelParseResult Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return ChannelParseResult.Malformed($"The body is not valid JSON ({e.Message}).");
        }
        using (document)
        {
            try
            {
                return Parse(document.RootElement);
            }
            catch (MalformedPayloadException e)
            {
                return ChannelParseResult.Malformed(e.Message);
            }
        }
    }

    private static ChannelParseResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return ChannelParseResult.Malformed("The body is not a JSON object.");
        var forUserId = root.String("for_user_id");
        if (forUserId is null)
            return ChannelParseResult.Malformed("The body has no 'for_user_id': not an Account Activity event.");

        var events = new List<ChannelEvent>();
        var skipped = new List<string>();
        var users = root.Property("users");
        foreach (var dm in root.Array("direct_message_events"))
            ReadDirectMessage(forUserId, dm, users, events, skipped);
        foreach (var tweet in root.Array("tweet_create_events"))
            ReadTweet(forUserId, tweet, events, skipped);
        foreach (var deletion in root.Array("tweet_delete_events"))
            ReadDeletion(forUserId, deletion, events, skipped);
        foreach (var kind in KnownNonMessageKinds.Where(k => root.Property(k) is not null))
            skipped.Add($"{kind} for {forUserId} are not messages");
        return ChannelParseResult.Parsed(events, skipped);
    }

    private static void ReadDirectMessage(string forUserId, JsonElement dm, JsonElement? users, List<ChannelEvent> events, List<string> skipped)
    {
        var id = dm.String("id") ?? throw new MalformedPayloadException("A direct message event has no id.");
        if (dm.String("type") != "message_create")
        {
            skipped.Add($"direct message event {id} of type {JsonElementReading.Quote(dm.String("type"))}");
            return;
        }
        var senderId = dm.String("message_create", "sender_id") ?? throw new MalformedPayloadException($"Direct message {id} has no sender_id.");
        if (senderId == forUserId)
        {
            skipped.Add($"our own direct message {id}");
            return;
        }
        var sentAt = dm.Int64("created_timestamp") is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new MalformedPayloadException($"Direct message {id} has no created_timestamp.");
        var data = dm.Path("message_create", "message_data");
        var text = data is { } d ? ExpandLinks(d.String("text") ?? "", d) : "";
        var sender = users?.Property(senderId);
        var attachments = new List<ChannelAttachment>();
        if (data?.Path("attachment", "media") is { } media)
            attachments.Add(new ChannelAttachment(media.String("type") ?? "media", media.String("media_url_https")));
        var username = sender?.String("screen_name");
        events.Add(new ChannelEvent(
            Platform.X, forUserId, ConversationKind.DirectMessage, XThreadKeys.Direct(senderId), senderId,
            sender?.String("name"), username, XLinks.Profile(username), id, text, sentAt, ChannelEventVerb.Created,
            ParentPost: null, ParentCommentId: null, ThreadRoot: null, ContentCid: null, Link: null,
            attachments, dm.GetRawText()));
    }

    private static void ReadTweet(string forUserId, JsonElement tweet, List<ChannelEvent> events, List<string> skipped)
    {
        var id = tweet.String("id_str") ?? tweet.String("id") ?? throw new MalformedPayloadException("A tweet has no id_str.");
        var authorId = tweet.String("user", "id_str") ?? tweet.String("user", "id") ?? throw new MalformedPayloadException($"Tweet {id} has no user.id_str.");
        if (authorId == forUserId)
        {
            skipped.Add($"our own post {id}");
            return;
        }
        if (tweet.Property("retweeted_status") is not null)
        {
            skipped.Add($"repost {id} is not a message");
            return;
        }
        var sentAt = PlatformTime.FromTwitterClassic(tweet.String("created_at"))
            ?? (tweet.Int64("timestamp_ms") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : throw new MalformedPayloadException($"Tweet {id} has no created_at."));
        // Long posts arrive truncated with the whole text under extended_tweet.
        var full = tweet.Bool("truncated") && tweet.Property("extended_tweet") is { } extended ? extended : tweet;
        var text = ExpandLinks(full.String("full_text") ?? full.String("text") ?? "", full);
        var inReplyTo = tweet.String("in_reply_to_status_id_str");
        var quoted = tweet.String("quoted_status_id_str");
        var username = tweet.String("user", "screen_name");
        var attachments = full.Array("extended_entities", "media")
            .Select(m => new ChannelAttachment(m.String("type") ?? "media", m.String("media_url_https")))
            .ToList();
        events.Add(new ChannelEvent(
            Platform.X, forUserId, ConversationKind.Mention, XThreadKeys.Mentions(authorId), authorId,
            tweet.String("user", "name"), username, XLinks.Profile(username), id, text, sentAt, ChannelEventVerb.Created,
            (inReplyTo ?? quoted) is { } parent ? new PostReference(parent) : null, inReplyTo,
            ThreadRoot: null, ContentCid: null, XLinks.Post(username, id), attachments, tweet.GetRawText()));
    }

    private static void ReadDeletion(string forUserId, JsonElement deletion, List<ChannelEvent> events, List<string> skipped)
    {
        var id = deletion.String("status", "id") ?? throw new MalformedPayloadException("A tweet deletion has no status.id.");
        var authorId = deletion.String("status", "user_id") ?? "";
        if (authorId == forUserId)
        {
            skipped.Add($"deletion of our own post {id}");
            return;
        }
        var at = deletion.Int64("timestamp_ms") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : throw new MalformedPayloadException($"Deletion of {id} has no timestamp_ms.");
        events.Add(new ChannelEvent(
            Platform.X, forUserId, ConversationKind.Mention, XThreadKeys.Mentions(authorId), authorId,
            SenderName: null, SenderHandle: null, SenderProfileUrl: null, id, "", at, ChannelEventVerb.Removed,
            ParentPost: null, ParentCommentId: null, ThreadRoot: null, ContentCid: null, Link: null, [], deletion.GetRawText()));
    }

    /// <summary>X shortens every link to t.co; an operator judging a message needs to see where it really points.</summary>
    internal static string ExpandLinks(string text, JsonElement withEntities)
    {
        foreach (var url in withEntities.Array("entities", "urls"))
        {
            if (url.String("url") is { Length: > 0 } shortUrl && url.String("expanded_url") is { Length: > 0 } expanded)
                text = text.Replace(shortUrl, expanded, StringComparison.Ordinal);
        }
        return text;
    }
}
