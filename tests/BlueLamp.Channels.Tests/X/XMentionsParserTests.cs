using BlueLamp.Channels.X;

namespace BlueLamp.Channels.Tests.X;

public class XMentionsParserTests
{
    [Fact]
    public void A_v2_mentions_page_gives_events_names_and_the_ids_to_poll_from()
    {
        var page = XMentionsParser.Parse(SampleFiles.Bytes("X", "mentions-v2.json"), "1598765432109876543");

        Assert.Equal("1861234567891000002", page.NewestId);
        Assert.StartsWith("7140dibdnow9c7btw481sl2dgtbqutmxi8tk2h8w9f9bb", page.NextToken, StringComparison.Ordinal);
        Assert.Equal(2, page.Parsed.Events.Count);
        var thanks = page.Parsed.Events[0];
        Assert.Equal("Helen R", thanks.SenderName);
        Assert.Equal("mentions:4455667788", thanks.ThreadKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 30, 0, TimeSpan.Zero), thanks.SentAt);
        Assert.EndsWith("https://x.com/helen_r/status/1861234567891000002/photo/1", thanks.Text, StringComparison.Ordinal);
        Assert.Equal("1861234567890999001", page.Parsed.Events[1].ParentCommentId);
    }

    [Fact]
    public void An_empty_page_has_no_events_and_no_newest_id()
    {
        var page = XMentionsParser.Parse("{\"meta\":{\"result_count\":0}}"u8.ToArray(), "1");

        Assert.False(page.Parsed.IsMalformed);
        Assert.Empty(page.Parsed.Events);
        Assert.Null(page.NewestId);
    }
}
