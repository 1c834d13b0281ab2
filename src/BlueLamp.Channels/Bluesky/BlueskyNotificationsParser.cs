using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// Reads <c>app.bsky.notification.listNotifications</c> into events: mentions, replies and quotes of our account's
/// posts. Likes, reposts and follows are not messages and are left out. The event time is <c>indexedAt</c>, the
/// server's time, because a post's own <c>createdAt</c> is whatever the author's app claimed.
/// </summary>
public static class BlueskyNotificationsParser
{
    public static BlueskyNotificationsPage Parse(ReadOnlyMemory<byte> body, string accountDid)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new BlueskyNotificationsPage(ChannelParseResult.Malformed($"The body is not valid JSON ({e.Message})."), null);
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.IsArray("notifications"))
                return new BlueskyNotificationsPage(ChannelParseResult.Malformed("The body has no 'notifications' array."), null);
            try
            {
                return new BlueskyNotificationsPage(Read(root, accountDid), root.String("cursor"));
            }
            catch (MalformedPayloadException e)
            {
                return new BlueskyNotificationsPage(ChannelParseResult.Malformed(e.Message), null);
            }
        }
    }

    private static ChannelParseResult Read(JsonElement page, string accountDid)
    {
        var events = new List<ChannelEvent>();
        var skipped = new List<string>();
        foreach (var notification in page.Array("notifications"))
        {
            var uri = notification.String("uri") ?? throw new MalformedPayloadException("A notification has no uri.");
            var reason = notification.String("reason");
            var kind = reason switch
            {
                "reply" => ConversationKind.CommentThread,
                "mention" or "quote" => ConversationKind.Mention,
                _ => (ConversationKind?)null,
            };
            if (kind is null)
            {
                skipped.Add($"{JsonElementReading.Quote(reason)} notification {uri} is not a message");
                continue;
            }
            var cid = notification.String("cid") ?? throw new MalformedPayloadException($"Notification {uri} has no cid.");
            var did = notification.String("author", "did") ?? throw new MalformedPayloadException($"Notification {uri} has no author.did.");
            if (did == accountDid)
            {
                skipped.Add($"our own post {uri}");
                continue;
            }
            var record = notification.Property("record") ?? throw new MalformedPayloadException($"Notification {uri} has no record.");
            var indexedAt = PlatformTime.FromIso(notification.String("indexedAt"))
                ?? throw new MalformedPayloadException($"Notification {uri} has no indexedAt.");
            var threadRoot = Reference(record.Path("reply", "root"));
            var parent = Reference(record.Path("reply", "parent"));
            var handle = notification.String("author", "handle");
            var attachments = record.String("embed", "$type") switch
            {
                "app.bsky.embed.images" => record.Array("embed", "images").Select(_ => new ChannelAttachment("image", null)).ToList(),
                "app.bsky.embed.video" => [new ChannelAttachment("video", null)],
                "app.bsky.embed.external" => [new ChannelAttachment("link", record.String("embed", "external", "uri"))],
                _ => [],
            };
            events.Add(new ChannelEvent(
                Platform.Bluesky, accountDid, kind.Value, BlueskyThreadKeys.Thread(threadRoot?.Id ?? uri, did), did,
                notification.String("author", "displayName") is { Length: > 0 } name ? name : null, handle,
                BlueskyLinks.Profile(handle ?? did), uri, record.String("text") ?? "", indexedAt, ChannelEventVerb.Created,
                parent, parent?.Id, threadRoot ?? new PostReference(uri, cid), cid, BlueskyLinks.Post(uri, handle),
                attachments, notification.GetRawText()));
        }
        return ChannelParseResult.Parsed(events, skipped);
    }

    private static PostReference? Reference(JsonElement? strongRef) =>
        strongRef is { } r && r.String("uri") is { } uri ? new PostReference(uri, r.String("cid")) : null;
}
