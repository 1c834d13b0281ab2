using System.Text;
using BlueLamp.Channels.Bluesky;

namespace BlueLamp.Channels.Tests.Bluesky;

public class BlueskyFacetsTests
{
    private static string Slice(string text, BlueskyFacet facet) =>
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text), facet.ByteStart, facet.ByteEnd - facet.ByteStart);

    [Fact]
    public void A_link_in_plain_ASCII_text_has_matching_byte_and_char_offsets()
    {
        const string text = "Report it at https://northshire.police.uk/report today.";

        var link = Assert.Single(BlueskyFacets.Detect(text));

        Assert.Equal(BlueskyFacetKind.Link, link.Kind);
        Assert.Equal(13, link.ByteStart);
        Assert.Equal(13 + "https://northshire.police.uk/report".Length, link.ByteEnd);
        Assert.Equal("https://northshire.police.uk/report", link.Value);
    }

    [Fact]
    public void Offsets_after_emoji_and_accents_count_UTF8_bytes_not_UTF16_chars()
    {
        const string text = "🚔 Café closed — see @gwen.cymru and northshire.police.uk/roads";

        var facets = BlueskyFacets.Detect(text);

        var mention = Assert.Single(facets, f => f.Kind == BlueskyFacetKind.Mention);
        Assert.Equal("gwen.cymru", mention.Value);
        Assert.Equal("@gwen.cymru", Slice(text, mention));
        // 🚔 is 4 bytes (2 chars), é 2 bytes (1 char), — 3 bytes (1 char): the byte offset runs 5 ahead of the char index.
        Assert.Equal(text.IndexOf('@', StringComparison.Ordinal) + 5, mention.ByteStart);
        var link = Assert.Single(facets, f => f.Kind == BlueskyFacetKind.Link);
        Assert.Equal("northshire.police.uk/roads", Slice(text, link));
        Assert.Equal("https://northshire.police.uk/roads", link.Value);
    }

    [Fact]
    public void Tags_are_found_and_trailing_punctuation_is_left_out()
    {
        const string text = "Stay safe this weekend #Northshire! Also (https://example.org/a_(b)).";

        var facets = BlueskyFacets.Detect(text);

        Assert.Equal("#Northshire", Slice(text, Assert.Single(facets, f => f.Kind == BlueskyFacetKind.Tag)));
        Assert.Equal("https://example.org/a_(b)", Assert.Single(facets, f => f.Kind == BlueskyFacetKind.Link).Value);
    }

    [Fact]
    public void An_email_address_and_a_bare_at_word_are_not_mentions()
    {
        Assert.DoesNotContain(BlueskyFacets.Detect("write to help@northshire.police.uk or @someone"), f => f.Kind == BlueskyFacetKind.Mention);
    }

    [Fact]
    public void Graphemes_not_chars_are_counted_against_300()
    {
        var family = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 300));

        Assert.Equal(300, BlueskyTextLength.Count(family));
        Assert.True(BlueskyTextLength.CheckPost(family).Fits);
        Assert.False(BlueskyTextLength.CheckPost(family + "!").Fits);
    }
}
