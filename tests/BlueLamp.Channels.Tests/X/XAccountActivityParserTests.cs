using System.Text;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Tests.X;

public class XAccountActivityParserTests
{
    [Fact]
    public void A_direct_message_is_read_with_the_senders_name_and_links_expanded_and_our_own_reply_is_dropped()
    {
        var result = XAccountActivityParser.Parse(SampleFiles.Bytes("X", "direct-message-events.json"));

        var dm = Assert.Single(result.Events);
        Assert.Equal(Platform.X, dm.Platform);
        Assert.Equal("1598765432109876543", dm.AccountPlatformId);
        Assert.Equal(ConversationKind.DirectMessage, dm.Kind);
        Assert.Equal("dm:3805104374", dm.ThreadKey);
        Assert.Equal("1861234567890123456", dm.PlatformMessageId);
        Assert.Equal("Priya Shah", dm.SenderName);
        Assert.Equal("priyashah_b", dm.SenderHandle);
        Assert.Equal("https://x.com/priyashah_b", dm.SenderProfileUrl);
        Assert.EndsWith("https://maps.example.com/?q=52.48,-1.89", dm.Text, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763983000123), dm.SentAt);
        Assert.Contains(result.Skipped, s => s.Contains("our own direct message", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mention_is_read_in_full_and_our_own_post_and_reposts_are_dropped()
    {
        var result = XAccountActivityParser.Parse(SampleFiles.Bytes("X", "tweet-create-events.json"));

        var mention = Assert.Single(result.Events);
        Assert.Equal(ConversationKind.Mention, mention.Kind);
        Assert.Equal("1861234567890999001", mention.PlatformMessageId);
        Assert.EndsWith("the sat nav says it is shut.", mention.Text, StringComparison.Ordinal);
        Assert.Equal("1861234567890888000", mention.ParentCommentId);
        Assert.Equal("mentions:1122334455", mention.ThreadKey);
        Assert.Equal("https://x.com/markevans_71/status/1861234567890999001", mention.Link);
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 11, 5, 12, TimeSpan.Zero), mention.SentAt);
        Assert.Equal(2, result.Skipped.Count);
    }

    [Theory]
    [InlineData("{oops", "not valid JSON")]
    [InlineData("{\"tweet_create_events\":[]}", "for_user_id")]
    [InlineData("{\"for_user_id\":\"1\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"9\",\"created_timestamp\":\"1\",\"message_create\":{}}]}", "sender_id")]
    public void Malformed_payloads_give_a_reason(string json, string reasonPart)
    {
        var result = XAccountActivityParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.True(result.IsMalformed);
        Assert.Contains(reasonPart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Likes_and_follows_are_understood_but_are_not_messages()
    {
        var result = XAccountActivityParser.Parse(Encoding.UTF8.GetBytes("{\"for_user_id\":\"1\",\"favorite_events\":[{}],\"follow_events\":[{}]}"));

        Assert.False(result.IsMalformed);
        Assert.Empty(result.Events);
        Assert.Equal(2, result.Skipped.Count);
    }
}
