using BlueLamp.Channels.X;
using BlueLamp.Core.Contact;

namespace BlueLamp.Channels.Tests.X;

public class XDirectMessagesParserTests
{
    private const string AccountUserId = "1598765432109876543";

    [Fact]
    public void A_v2_dm_events_page_gives_the_peoples_messages_in_the_webhooks_thread_and_skips_ours()
    {
        var page = XDirectMessagesParser.Parse(SampleFiles.Bytes("X", "dm-events-v2.json"), AccountUserId);

        Assert.Equal("18LAA581J5II7LA00C00ZZZZ", page.NextToken);
        var dm = Assert.Single(page.Parsed.Events);
        Assert.Equal("1861234567893000002", dm.PlatformMessageId);
        Assert.Equal(ConversationKind.DirectMessage, dm.Kind);
        // The same thread key the Account Activity webhook gives, so both routes land in one conversation.
        Assert.Equal(XThreadKeys.Direct("3805104374"), dm.ThreadKey);
        Assert.Equal("Dai Morgan", dm.SenderName);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 1, 12, TimeSpan.Zero), dm.SentAt);
        Assert.Equal(2, page.Parsed.Skipped.Count);
        Assert.Contains(page.Parsed.Skipped, s => s.Contains("our own", StringComparison.Ordinal));
        Assert.Contains(page.Parsed.Skipped, s => s.Contains("ParticipantsJoin", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dm_event_without_its_sender_is_malformed_and_names_the_missing_field()
    {
        var page = XDirectMessagesParser.Parse("""{"data":[{"id":"1","event_type":"MessageCreate","text":"hi","created_at":"2026-11-24T13:00:00.000Z"}],"meta":{"result_count":1}}"""u8.ToArray(), AccountUserId);

        Assert.True(page.Parsed.IsMalformed);
        Assert.Contains("sender_id", page.Parsed.Error, StringComparison.Ordinal);
    }
}
