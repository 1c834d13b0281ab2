using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Reads the body of a Meta webhook POST (<c>object: "page"</c> for Facebook, <c>"instagram"</c> for Instagram) into
/// events: Messenger and Instagram direct messages from <c>entry[].messaging[]</c>, Facebook page comments from
/// <c>changes[]</c> with <c>field: "feed"</c> and Instagram comments from <c>field: "comments"</c>. Echoes of our own
/// sends and our own comments are left out so they never loop back into triage.
/// </summary>
public static class MetaWebhookParser
{
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
        var platform = root.String("object") switch
        {
            "page" => Platform.Facebook,
            "instagram" => Platform.Instagram,
            var other => throw new MalformedPayloadException($"Unknown object {JsonElementReading.Quote(other)}; expected 'page' or 'instagram'."),
        };
        if (!root.IsArray("entry"))
            return ChannelParseResult.Malformed("The body has no 'entry' array.");

        var events = new List<ChannelEvent>();
        var skipped = new List<string>();
        foreach (var entry in root.Array("entry"))
        {
            var accountId = entry.String("id") ?? throw new MalformedPayloadException("An entry has no 'id'.");
            var entryTime = entry.Int64("time") is { } t ? PlatformTime.FromUnix(t) : (DateTimeOffset?)null;

            foreach (var item in entry.Array("messaging"))
                ReadMessaging(platform, accountId, item, events, skipped);
            foreach (var item in entry.Array("standby"))
                skipped.Add($"standby event on {accountId}: another app owns the conversation");
            foreach (var change in entry.Array("changes"))
                ReadChange(platform, accountId, entryTime, change, events, skipped);
            // Some of Meta's Instagram examples put field/value directly on the entry; accept that form too.
            if (entry.Property("field") is not null && entry.Property("value") is not null)
                ReadChange(platform, accountId, entryTime, entry, events, skipped);
        }
        return ChannelParseResult.Parsed(events, skipped);
    }

    private static void ReadMessaging(Platform platform, string entryAccountId, JsonElement item, List<ChannelEvent> events, List<string> skipped)
    {
        var senderId = item.String("sender", "id") ?? throw new MalformedPayloadException("A messaging event has no sender.id.");
        var recipientId = item.String("recipient", "id") ?? entryAccountId;
        // Delivery receipts carry no timestamp, so it is required only of the events that become messages.
        DateTimeOffset SentAt() => item.Int64("timestamp") is { } ts ? PlatformTime.FromUnix(ts) : throw new MalformedPayloadException("A messaging event has no timestamp.");

        if (item.Property("message") is { } message)
        {
            var mid = message.String("mid") ?? throw new MalformedPayloadException("A message has no 'mid'.");
            if (message.Bool("is_echo") || senderId == entryAccountId)
            {
                skipped.Add($"echo of our own message {mid}");
                return;
            }
            var verb = message.Bool("is_deleted") ? ChannelEventVerb.Removed : ChannelEventVerb.Created;
            events.Add(DirectMessage(platform, recipientId, senderId, mid, message.String("text") ?? "", SentAt(), verb, Attachments(message), item));
            return;
        }
        if (item.Property("message_edit") is { } edit)
        {
            var mid = edit.String("mid") ?? throw new MalformedPayloadException("A message_edit has no 'mid'.");
            if (senderId == entryAccountId)
            {
                skipped.Add($"edit of our own message {mid}");
                return;
            }
            events.Add(DirectMessage(platform, recipientId, senderId, mid, edit.String("text") ?? "", SentAt(), ChannelEventVerb.Edited, [], item));
            return;
        }
        var kind = item.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n is not ("sender" or "recipient" or "timestamp")) ?? "empty";
        skipped.Add($"'{kind}' event on {recipientId} is not a message");
    }

    private static ChannelEvent DirectMessage(
        Platform platform, string accountId, string senderId, string mid, string text, DateTimeOffset sentAt,
        ChannelEventVerb verb, IReadOnlyList<ChannelAttachment> attachments, JsonElement raw) =>
        new(platform, accountId, ConversationKind.DirectMessage, MetaThreadKeys.Direct(senderId), senderId,
            SenderName: null, SenderHandle: null, SenderProfileUrl: null, mid, text, sentAt, verb,
            ParentPost: null, ParentCommentId: null, ThreadRoot: null, ContentCid: null, Link: null,
            attachments, raw.GetRawText());

    private static List<ChannelAttachment> Attachments(JsonElement message) =>
        message.Array("attachments")
            .Select(a => new ChannelAttachment(a.String("type") ?? "file", a.String("payload", "url")))
            .ToList();

    private static void ReadChange(Platform platform, string accountId, DateTimeOffset? entryTime, JsonElement change, List<ChannelEvent> events, List<string> skipped)
    {
        var field = change.String("field") ?? throw new MalformedPayloadException("A change has no 'field'.");
        var value = change.Property("value") ?? throw new MalformedPayloadException($"The '{field}' change has no 'value'.");
        switch (platform, field)
        {
            case (Platform.Facebook, "feed"):
                ReadPageComment(accountId, value, change, events, skipped);
                break;
            case (Platform.Instagram, "comments" or "live_comments"):
                ReadInstagramComment(accountId, entryTime, value, change, events, skipped);
                break;
            default:
                skipped.Add($"'{field}' change on {accountId} is not handled");
                break;
        }
    }

    private static void ReadPageComment(string pageId, JsonElement value, JsonElement raw, List<ChannelEvent> events, List<string> skipped)
    {
        var item = value.String("item");
        if (item != "comment")
        {
            skipped.Add($"feed item {JsonElementReading.Quote(item)} on {pageId} is not a comment");
            return;
        }
        var verb = value.String("verb") switch
        {
            "add" => ChannelEventVerb.Created,
            "edited" or "edit" => ChannelEventVerb.Edited,
            "remove" or "delete" => ChannelEventVerb.Removed,
            var other => (ChannelEventVerb?)null,
        };
        var commentId = value.String("comment_id") ?? throw new MalformedPayloadException("A feed comment change has no comment_id.");
        if (verb is null)
        {
            skipped.Add($"feed comment {commentId} with verb {JsonElementReading.Quote(value.String("verb"))}");
            return;
        }
        var postId = value.String("post_id") ?? throw new MalformedPayloadException($"Feed comment {commentId} has no post_id.");
        var fromId = value.String("from", "id");
        if (fromId == pageId)
        {
            skipped.Add($"our own comment {commentId}");
            return;
        }
        if (fromId is null && verb != ChannelEventVerb.Removed)
            throw new MalformedPayloadException($"Feed comment {commentId} has no from.id.");
        var sentAt = value.Int64("created_time") is { } created
            ? PlatformTime.FromUnix(created)
            : PlatformTime.FromIso(value.String("created_time")) ?? throw new MalformedPayloadException($"Feed comment {commentId} has no created_time.");
        var parentId = value.String("parent_id");
        var attachments = new List<ChannelAttachment>();
        if (value.String("photo") is { } photo)
            attachments.Add(new ChannelAttachment("image", photo));
        if (value.String("video") is { } video)
            attachments.Add(new ChannelAttachment("video", video));

        events.Add(new ChannelEvent(
            Platform.Facebook, pageId, ConversationKind.CommentThread, MetaThreadKeys.Comments(postId, fromId ?? ""),
            fromId ?? "", value.String("from", "name"), SenderHandle: null, SenderProfileUrl: null,
            commentId, value.String("message") ?? "", sentAt, verb.Value,
            new PostReference(postId), parentId is not null && parentId != postId ? parentId : null,
            ThreadRoot: null, ContentCid: null, Link: value.String("post", "permalink_url"),
            attachments, raw.GetRawText()));
    }

    private static void ReadInstagramComment(string accountId, DateTimeOffset? entryTime, JsonElement value, JsonElement raw, List<ChannelEvent> events, List<string> skipped)
    {
        var commentId = value.String("id") ?? throw new MalformedPayloadException("An Instagram comment has no id.");
        var fromId = value.String("from", "id") ?? throw new MalformedPayloadException($"Instagram comment {commentId} has no from.id.");
        if (fromId == accountId)
        {
            skipped.Add($"our own comment {commentId}");
            return;
        }
        var mediaId = value.String("media", "id") ?? throw new MalformedPayloadException($"Instagram comment {commentId} has no media.id.");
        var username = value.String("from", "username");
        // Instagram comment notifications carry no creation time; the entry's time is when Meta sent it, seconds after.
        var sentAt = entryTime ?? throw new MalformedPayloadException($"Instagram comment {commentId} arrived in an entry without 'time'.");
        events.Add(new ChannelEvent(
            Platform.Instagram, accountId, ConversationKind.CommentThread, MetaThreadKeys.Comments(mediaId, fromId),
            fromId, SenderName: null, username, username is null ? null : "https://www.instagram.com/" + username,
            commentId, value.String("text") ?? "", sentAt, ChannelEventVerb.Created,
            new PostReference(mediaId), value.String("parent_id"),
            ThreadRoot: null, ContentCid: null, Link: null, [], raw.GetRawText()));
    }
}
