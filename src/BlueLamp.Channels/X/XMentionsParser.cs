using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.X;

/// <summary>
/// Reads an X API v2 mentions timeline (<c>data[]</c> posts, <c>includes.users[]</c>, <c>meta</c>) into the same events
/// the Account Activity webhook gives, so polling and webhooks deduplicate against each other by post id.
/// </summary>
public static class XMentionsParser
{
    public static XMentionsPage Parse(ReadOnlyMemory<byte> body, string accountUserId) =>
        XV2Pages.Parse(body, "timeline",
            root => new XMentionsPage(ReadPosts(root, accountUserId), root.String("meta", "newest_id"), root.String("meta", "next_token")),
            malformed => new XMentionsPage(malformed, null, null));

    private static ChannelParseResult ReadPosts(JsonElement root, string accountUserId)
    {
        var users = XV2Pages.Users(root);
        var events = new List<ChannelEvent>();
        var skipped = new List<string>();
        foreach (var post in root.Array("data"))
        {
            var id = post.String("id") ?? throw new MalformedPayloadException("A post has no id.");
            var authorId = post.String("author_id") ?? throw new MalformedPayloadException($"Post {id} has no author_id: request expansions=author_id.");
            if (authorId == accountUserId)
            {
                skipped.Add($"our own post {id}");
                continue;
            }
            var referenced = post.Array("referenced_tweets").ToList();
            if (referenced.Any(r => r.String("type") == "retweeted"))
            {
                skipped.Add($"repost {id} is not a message");
                continue;
            }
            var sentAt = PlatformTime.FromIso(post.String("created_at"))
                ?? throw new MalformedPayloadException($"Post {id} has no created_at: request tweet.fields=created_at.");
            var inReplyTo = referenced.FirstOrDefault(r => r.String("type") == "replied_to").String("id");
            var quoted = referenced.FirstOrDefault(r => r.String("type") == "quoted").String("id");
            users.TryGetValue(authorId, out var author);
            var username = author.ValueKind == JsonValueKind.Object ? author.String("username") : null;
            // Posts over 280 characters keep their whole text in note_tweet.
            var text = post.String("note_tweet", "text") ?? post.String("text") ?? "";
            text = XAccountActivityParser.ExpandLinks(text, post);
            events.Add(new ChannelEvent(
                Platform.X, accountUserId, ConversationKind.Mention, XThreadKeys.Mentions(authorId), authorId,
                author.ValueKind == JsonValueKind.Object ? author.String("name") : null, username, XLinks.Profile(username),
                id, text, sentAt, ChannelEventVerb.Created,
                (inReplyTo ?? quoted) is { } parent ? new PostReference(parent) : null, inReplyTo,
                ThreadRoot: post.String("conversation_id") is { } conversation ? new PostReference(conversation) : null,
                ContentCid: null, XLinks.Post(username, id), [], post.GetRawText()));
        }
        return ChannelParseResult.Parsed(events, skipped);
    }
}
