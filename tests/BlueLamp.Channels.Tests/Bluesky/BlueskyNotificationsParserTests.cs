using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Tests.Bluesky;

public class BlueskyNotificationsParserTests
{
    private const string OurDid = "did:plc:northshirepolice0000000000";

    private static BlueskyNotificationsPage Page() => BlueskyNotificationsParser.Parse(SampleFiles.Bytes("Bluesky", "listNotifications.json"), OurDid);

    [Fact]
    public void Mentions_replies_and_quotes_become_events_and_likes_and_follows_do_not()
    {
        var page = Page();

        Assert.Equal("2026-11-24T13:00:00.000Z", page.Cursor);
        Assert.Equal([ConversationKind.Mention, ConversationKind.CommentThread, ConversationKind.Mention], page.Parsed.Events.Select(e => e.Kind));
        Assert.Equal(2, page.Parsed.Skipped.Count);
    }

    [Fact]
    public void A_mention_carries_the_author_the_text_and_the_server_time()
    {
        var mention = Page().Parsed.Events[0];

        Assert.Equal(Platform.Bluesky, mention.Platform);
        Assert.Equal(OurDid, mention.AccountPlatformId);
        Assert.Equal("did:plc:4kx3n2qpzv7k5wzj3f6m2abc", mention.SenderId);
        Assert.Equal("ellie.bsky.social", mention.SenderHandle);
        Assert.Equal("Ellie 🌻", mention.SenderName);
        Assert.Equal("https://bsky.app/profile/ellie.bsky.social", mention.SenderProfileUrl);
        Assert.Equal("at://did:plc:4kx3n2qpzv7k5wzj3f6m2abc/app.bsky.feed.post/3lbq2xyzabc2k", mention.PlatformMessageId);
        Assert.Equal("bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", mention.ContentCid);
        Assert.Equal("https://bsky.app/profile/ellie.bsky.social/post/3lbq2xyzabc2k", mention.Link);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 58, 31, 4, TimeSpan.Zero), mention.SentAt);
        // A standalone mention is the root of its own thread.
        Assert.Equal(mention.PlatformMessageId, mention.ThreadRoot?.Id);
    }

    [Fact]
    public void A_reply_keeps_its_root_and_parent_references_so_it_can_be_answered()
    {
        var reply = Page().Parsed.Events[1];

        Assert.Equal("at://did:plc:northshirepolice0000000000/app.bsky.feed.post/3lbpwappeal01", reply.ThreadRoot?.Id);
        Assert.Equal("bafyreiappealrootcid0000000000000000000000000000000000000", reply.ParentPost?.Cid);
        Assert.Equal("thread:at://did:plc:northshirepolice0000000000/app.bsky.feed.post/3lbpwappeal01:did:plc:7yq2m8vwx3k1p0r9t6s5zdef", reply.ThreadKey);
        Assert.Equal("image", Assert.Single(reply.Attachments).Kind);

        var answer = BlueskyReplyTo.For(reply);
        Assert.Equal(reply.ThreadRoot, answer.Root);
        Assert.Equal(new PostReference(reply.PlatformMessageId, reply.ContentCid), answer.Parent);
    }

    [Fact]
    public void An_empty_display_name_is_treated_as_none()
    {
        Assert.Null(Page().Parsed.Events[2].SenderName);
    }

    [Fact]
    public void A_body_without_notifications_is_malformed()
    {
        var page = BlueskyNotificationsParser.Parse("{\"feed\":[]}"u8.ToArray(), OurDid);

        Assert.True(page.Parsed.IsMalformed);
        Assert.Contains("notifications", page.Parsed.Error, StringComparison.Ordinal);
    }
}
