using System.Text;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Tests.Meta;

public class MetaWebhookParserTests
{
    private static ChannelParseResult Parse(string platform, string sample) => MetaWebhookParser.Parse(SampleFiles.Bytes(platform, sample));

    private static ChannelParseResult Parse(string json) => MetaWebhookParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_Messenger_text_message_becomes_a_direct_message_event()
    {
        var result = Parse("Facebook", "messenger-text.json");

        var message = Assert.Single(result.Events);
        Assert.Equal(Platform.Facebook, message.Platform);
        Assert.Equal("104857600123456", message.AccountPlatformId);
        Assert.Equal(ConversationKind.DirectMessage, message.Kind);
        Assert.Equal("dm:7203948571234567", message.ThreadKey);
        Assert.Equal("7203948571234567", message.SenderId);
        Assert.Equal("m_wX9kTq3LmP2vN8rY4sZ1aB6cD0eF7gH", message.PlatformMessageId);
        Assert.StartsWith("Hi, someone has been trying car door handles", message.Text, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763980412001), message.SentAt);
        Assert.Equal(ChannelEventVerb.Created, message.Verb);
        Assert.Contains("\"mid\"", message.RawPayload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_with_only_an_image_carries_the_attachment_and_a_summary_for_the_desk()
    {
        var message = Assert.Single(Parse("Facebook", "messenger-attachment.json").Events);

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("image", attachment.Kind);
        Assert.Equal("https://scontent.xx.fbcdn.net/v/t1.15752-9/elm-road.jpg", attachment.Url);
        Assert.Equal("[image attachment]", message.ToInboundMessage(Guid.NewGuid()).Text);
    }

    [Fact]
    public void Echoes_of_our_own_sends_and_receipts_are_dropped()
    {
        var result = Parse("Facebook", "messenger-echo-and-delivery.json");

        Assert.False(result.IsMalformed);
        Assert.Empty(result.Events);
        Assert.Equal(3, result.Skipped.Count);
        Assert.Contains(result.Skipped, s => s.Contains("echo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_edit_is_an_edit_of_the_same_message_id()
    {
        var edit = Assert.Single(Parse("Facebook", "messenger-edit.json").Events);

        Assert.Equal(ChannelEventVerb.Edited, edit.Verb);
        Assert.Equal("m_wX9kTq3LmP2vN8rY4sZ1aB6cD0eF7gH", edit.PlatformMessageId);
        Assert.Contains("number 42", edit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_comment_is_tied_to_its_post_and_its_author()
    {
        var comment = Assert.Single(Parse("Facebook", "feed-comment-add.json").Events);

        Assert.Equal(ConversationKind.CommentThread, comment.Kind);
        Assert.Equal("998877665544_1122334455", comment.PlatformMessageId);
        Assert.Equal("104857600123456_998877665544", comment.ParentPost?.Id);
        Assert.Null(comment.ParentCommentId);
        Assert.Equal("5551234567890123", comment.SenderId);
        Assert.Equal("Sarah Jones", comment.SenderName);
        Assert.Equal("comments:104857600123456_998877665544:5551234567890123", comment.ThreadKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763981000), comment.SentAt);
        Assert.Equal("https://www.facebook.com/104857600123456/posts/pfbid0MissingJack", comment.Link);
    }

    [Fact]
    public void Replies_edits_and_removals_keep_their_verbs_and_our_own_comments_and_reactions_are_dropped()
    {
        var result = Parse("Facebook", "feed-comment-reply-edit-remove.json");

        Assert.Collection(result.Events,
            reply =>
            {
                Assert.Equal(ChannelEventVerb.Created, reply.Verb);
                Assert.Equal("998877665544_1122334455", reply.ParentCommentId);
            },
            edit =>
            {
                Assert.Equal(ChannelEventVerb.Edited, edit.Verb);
                Assert.Contains("11:30", edit.Text, StringComparison.Ordinal);
            },
            removal =>
            {
                Assert.Equal(ChannelEventVerb.Removed, removal.Verb);
                Assert.Equal("998877665544_2233445566", removal.PlatformMessageId);
                Assert.Equal("", removal.Text);
            });
        Assert.Contains(result.Skipped, s => s.Contains("our own comment 998877665544_3344556677", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.Contains("'reaction'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_Instagram_direct_message_is_read_and_its_echo_dropped()
    {
        var result = Parse("Instagram", "messaging.json");

        var message = Assert.Single(result.Events);
        Assert.Equal(Platform.Instagram, message.Platform);
        Assert.Equal("17841400000000001", message.AccountPlatformId);
        Assert.Equal("dm:1234567890123456", message.ThreadKey);
        Assert.Single(result.Skipped);
    }

    [Fact]
    public void Instagram_comments_carry_media_parent_and_username_and_our_own_reply_is_dropped()
    {
        var result = Parse("Instagram", "comments.json");

        Assert.Equal(2, result.Events.Count);
        var first = result.Events[0];
        Assert.Equal("17987654321098765", first.PlatformMessageId);
        Assert.Equal("18012345678901234", first.ParentPost?.Id);
        Assert.Equal("dan.walks.dogs", first.SenderHandle);
        Assert.Equal("https://www.instagram.com/dan.walks.dogs", first.SenderProfileUrl);
        Assert.EndsWith("🐕", first.Text, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763982500), first.SentAt);
        Assert.Equal("17987654321098765", result.Events[1].ParentCommentId);
        Assert.Contains(result.Skipped, s => s.Contains("17987654321098767", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_ASCII_text_escaped_by_Meta_is_read_back_as_the_characters_written()
    {
        var message = Assert.Single(Parse(
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1763980412345,\"messaging\":[{\"sender\":{\"id\":\"2\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":1763980412001,\"message\":{\"mid\":\"m_1\",\"text\":\"caf\\u00e9 \\ud83d\\ude94\"}}]}]}").Events);

        Assert.Equal("café 🚔", message.Text);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[]}", "Unknown object")]
    [InlineData("{\"object\":\"page\"}", "no 'entry'")]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"time\":1}]}", "no 'id'")]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"messaging\":[{\"sender\":{\"id\":\"2\"},\"timestamp\":1,\"message\":{\"text\":\"hi\"}}]}]}", "no 'mid'")]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"1_2\"}}]}]}", "no comment_id")]
    public void Malformed_or_unknown_payloads_give_a_reason(string json, string reasonPart)
    {
        var result = Parse(json);

        Assert.True(result.IsMalformed);
        Assert.Empty(result.Events);
        Assert.Contains(reasonPart, result.Error, StringComparison.Ordinal);
    }
}
