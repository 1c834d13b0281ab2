using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Tests.Bluesky;

public class BlueskyChatParserTests
{
    private const string OurDid = "did:plc:northshirepolice0000000000";

    [Fact]
    public void Convos_are_read_with_their_members_and_rev()
    {
        var page = BlueskyChatParser.ParseConvos(SampleFiles.Bytes("Bluesky", "chat-listConvos.json"));

        Assert.Null(page.Error);
        Assert.Equal("3lbq4convocursor", page.Cursor);
        var convo = Assert.Single(page.Convos);
        Assert.Equal("3lbq4convo00001", convo.Id);
        Assert.Equal("2226bdjhyxs2f", convo.Rev);
        Assert.Equal(2, convo.UnreadCount);
        Assert.Equal("3lbq4msg000003", convo.LastMessageId);
        Assert.Contains(convo.Members, m => m.Handle == "worried.parent.bsky.social" && m.DisplayName == "Jo");
    }

    [Fact]
    public void Messages_from_the_person_become_events_a_deletion_a_removal_and_ours_are_dropped()
    {
        var convo = BlueskyChatParser.ParseConvos(SampleFiles.Bytes("Bluesky", "chat-listConvos.json")).Convos[0];

        var page = BlueskyChatParser.ParseMessages(SampleFiles.Bytes("Bluesky", "chat-getMessages.json"), OurDid, convo);

        Assert.Equal("2226bdjhyxs1a", page.Cursor);
        Assert.Collection(page.Parsed.Events,
            message =>
            {
                Assert.Equal(ConversationKind.DirectMessage, message.Kind);
                Assert.Equal("chat:3lbq4convo00001", message.ThreadKey);
                Assert.Equal("Jo", message.SenderName);
                Assert.Equal("Is there anyone I can speak to?", message.Text);
                Assert.Equal(ChannelEventVerb.Created, message.Verb);
            },
            deleted => Assert.Equal(ChannelEventVerb.Removed, deleted.Verb));
        Assert.Single(page.Parsed.Skipped);
    }

    [Fact]
    public void A_convo_list_without_convos_reports_why()
    {
        Assert.NotNull(BlueskyChatParser.ParseConvos("{}"u8.ToArray()).Error);
        Assert.NotNull(BlueskyChatParser.ParseConvos("nope"u8.ToArray()).Error);
    }
}
