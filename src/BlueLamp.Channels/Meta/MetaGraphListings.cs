using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Reads Graph API listings (recent conversations with their messages; recent posts with their comments) into the
/// same events, thread keys and ids the webhooks produce, so reconciliation backfills without doubling anything.
/// </summary>
internal static class MetaGraphListings
{
    public static IReadOnlyList<ChannelEvent> Conversations(JsonElement root, MetaAccountCredentials account)
    {
        var events = new List<ChannelEvent>();
        foreach (var conversation in root.Array("data"))
        {
            foreach (var message in conversation.Array("messages", "data"))
            {
                var id = message.String("id");
                var fromId = message.String("from", "id");
                var sentAt = PlatformTime.FromIso(message.String("created_time"));
                if (id is null || fromId is null || sentAt is null || fromId == account.AccountId)
                    continue;
                events.Add(new ChannelEvent(
                    account.Platform, account.AccountId, ConversationKind.DirectMessage, MetaThreadKeys.Direct(fromId), fromId,
                    message.String("from", "name"), message.String("from", "username"), null, id,
                    message.String("message") ?? "", sentAt.Value, ChannelEventVerb.Created,
                    null, null, null, null, null, [], message.GetRawText()));
            }
        }
        return events;
    }

    public static IReadOnlyList<ChannelEvent> Comments(JsonElement root, MetaAccountCredentials account)
    {
        var events = new List<ChannelEvent>();
        foreach (var post in root.Array("data"))
        {
            var postId = post.String("id");
            if (postId is null)
                continue;
            foreach (var comment in post.Array("comments", "data"))
            {
                Add(comment, postId, post, events, account);
                foreach (var reply in comment.Array("replies", "data"))
                    Add(reply, postId, post, events, account);
            }
        }
        return events;
    }

    private static void Add(JsonElement comment, string postId, JsonElement post, List<ChannelEvent> events, MetaAccountCredentials account)
    {
        var id = comment.String("id");
        var fromId = comment.String("from", "id");
        // Facebook calls it created_time, Instagram timestamp.
        var sentAt = PlatformTime.FromIso(comment.String("created_time") ?? comment.String("timestamp"));
        if (id is null || fromId is null || sentAt is null || fromId == account.AccountId)
            return;
        var parentId = comment.String("parent", "id") ?? comment.String("parent_id");
        var username = comment.String("from", "username") ?? comment.String("username");
        var instagram = account.Platform == Platform.Instagram;
        events.Add(new ChannelEvent(
            account.Platform, account.AccountId, ConversationKind.CommentThread, MetaThreadKeys.Comments(postId, fromId), fromId,
            comment.String("from", "name"), username,
            instagram && username is not null ? "https://www.instagram.com/" + username : null,
            id, comment.String("message") ?? comment.String("text") ?? "", sentAt.Value, ChannelEventVerb.Created,
            new PostReference(postId), parentId is not null && parentId != postId ? parentId : null, null, null,
            post.String("permalink_url") ?? post.String("permalink"), [], comment.GetRawText()));
    }
}
