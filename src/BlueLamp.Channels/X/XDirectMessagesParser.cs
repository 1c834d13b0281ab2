using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.X;

/// <summary>
/// Reads an X API v2 DM events list (<c>data[]</c> DM events, <c>includes.users[]</c>, <c>meta.next_token</c>) into the
/// same events the Account Activity webhook gives: the DM event id is the same on both routes, and so is the thread
/// (one conversation per person), so reconciliation and webhooks deduplicate against each other.
/// </summary>
public static class XDirectMessagesParser
{
    public static XDirectMessagesPage Parse(ReadOnlyMemory<byte> body, string accountUserId) =>
        XV2Pages.Parse(body, "DM events list",
            root => new XDirectMessagesPage(ReadEvents(root, accountUserId), root.String("meta", "next_token")),
            malformed => new XDirectMessagesPage(malformed, null));

    private static ChannelParseResult ReadEvents(JsonElement root, string accountUserId)
    {
        var users = XV2Pages.Users(root);
        var events = new List<ChannelEvent>();
        var skipped = new List<string>();
        foreach (var dm in root.Array("data"))
        {
            var id = dm.String("id") ?? throw new MalformedPayloadException("A DM event has no id.");
            if (dm.String("event_type") != "MessageCreate")
            {
                skipped.Add($"DM event {id} of type {JsonElementReading.Quote(dm.String("event_type"))}");
                continue;
            }
            var senderId = dm.String("sender_id") ?? throw new MalformedPayloadException($"DM event {id} has no sender_id: request dm_event.fields=sender_id.");
            if (senderId == accountUserId)
            {
                skipped.Add($"our own direct message {id}");
                continue;
            }
            var sentAt = PlatformTime.FromIso(dm.String("created_at"))
                ?? throw new MalformedPayloadException($"DM event {id} has no created_at: request dm_event.fields=created_at.");
            users.TryGetValue(senderId, out var sender);
            var isUser = sender.ValueKind == JsonValueKind.Object;
            var username = isUser ? sender.String("username") : null;
            events.Add(new ChannelEvent(
                Platform.X, accountUserId, ConversationKind.DirectMessage, XThreadKeys.Direct(senderId), senderId,
                isUser ? sender.String("name") : null, username, XLinks.Profile(username), id, dm.String("text") ?? "", sentAt,
                ChannelEventVerb.Created, ParentPost: null, ParentCommentId: null, ThreadRoot: null, ContentCid: null, Link: null,
                [], dm.GetRawText()));
        }
        return ChannelParseResult.Parsed(events, skipped);
    }
}
