using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// Reads Bluesky chat responses: <c>chat.bsky.convo.listConvos</c> into convos, and <c>chat.bsky.convo.getMessages</c>
/// into events (messages our account sent, and system messages, are left out; a deleted message becomes a removal).
/// </summary>
public static class BlueskyChatParser
{
    public static BlueskyConvoPage ParseConvos(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.IsArray("convos"))
                return new BlueskyConvoPage([], null, "The body has no 'convos' array.");
            var convos = new List<BlueskyConvo>();
            foreach (var convo in root.Array("convos"))
            {
                var id = convo.String("id");
                var rev = convo.String("rev");
                if (id is null || rev is null)
                    return new BlueskyConvoPage([], null, "A convo has no id or rev.");
                var members = convo.Array("members")
                    .Where(m => m.String("did") is not null)
                    .Select(m => new BlueskyConvoMember(m.String("did")!, m.String("handle"), m.String("displayName") is { Length: > 0 } n ? n : null))
                    .ToList();
                convos.Add(new BlueskyConvo(id, rev, members, (int)(convo.Int64("unreadCount") ?? 0), convo.String("status"), convo.String("lastMessage", "id")));
            }
            return new BlueskyConvoPage(convos, root.String("cursor"));
        }
        catch (JsonException e)
        {
            return new BlueskyConvoPage([], null, $"The body is not valid JSON ({e.Message}).");
        }
    }

    public static BlueskyMessagesPage ParseMessages(ReadOnlyMemory<byte> body, string accountDid, BlueskyConvo convo)
    {
        ArgumentNullException.ThrowIfNull(convo);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new BlueskyMessagesPage(ChannelParseResult.Malformed($"The body is not valid JSON ({e.Message})."), null);
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.IsArray("messages"))
                return new BlueskyMessagesPage(ChannelParseResult.Malformed("The body has no 'messages' array."), null);
            try
            {
                return new BlueskyMessagesPage(ReadMessages(root, accountDid, convo), root.String("cursor"));
            }
            catch (MalformedPayloadException e)
            {
                return new BlueskyMessagesPage(ChannelParseResult.Malformed(e.Message), null);
            }
        }
    }

    private static ChannelParseResult ReadMessages(JsonElement root, string accountDid, BlueskyConvo convo)
    {
        var events = new List<ChannelEvent>();
        var skipped = new List<string>();
        foreach (var message in root.Array("messages"))
        {
            var id = message.String("id") ?? throw new MalformedPayloadException("A message has no id.");
            var type = message.String("$type");
            var verb = type switch
            {
                "chat.bsky.convo.defs#messageView" => ChannelEventVerb.Created,
                "chat.bsky.convo.defs#deletedMessageView" => ChannelEventVerb.Removed,
                _ => (ChannelEventVerb?)null,
            };
            if (verb is null)
            {
                skipped.Add($"{JsonElementReading.Quote(type)} {id} is not a message from a person");
                continue;
            }
            var senderDid = message.String("sender", "did") ?? throw new MalformedPayloadException($"Message {id} has no sender.did.");
            if (senderDid == accountDid)
            {
                skipped.Add($"our own chat message {id}");
                continue;
            }
            var sentAt = PlatformTime.FromIso(message.String("sentAt")) ?? throw new MalformedPayloadException($"Message {id} has no sentAt.");
            var sender = convo.Members.FirstOrDefault(m => m.Did == senderDid);
            events.Add(new ChannelEvent(
                Platform.Bluesky, accountDid, ConversationKind.DirectMessage, BlueskyThreadKeys.Chat(convo.Id), senderDid,
                sender?.DisplayName, sender?.Handle, BlueskyLinks.Profile(sender?.Handle ?? senderDid), id,
                message.String("text") ?? "", sentAt, verb.Value,
                ParentPost: null, ParentCommentId: null, ThreadRoot: null, ContentCid: null, Link: null,
                message.Property("embed") is not null ? [new ChannelAttachment("post", message.String("embed", "record", "uri"))] : [],
                message.GetRawText()));
        }
        return ChannelParseResult.Parsed(events, skipped);
    }
}
