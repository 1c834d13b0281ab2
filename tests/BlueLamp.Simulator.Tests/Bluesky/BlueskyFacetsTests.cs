using System.Text.Json;
using BlueLamp.Simulator.Bluesky;

namespace BlueLamp.Simulator.Tests.Bluesky;

public sealed class BlueskyFacetsTests
{
    [Fact]
    public void Mention_facets_use_UTF8_byte_offsets()
    {
        var facets = BlueskyFacets.MentionsIn("Café 😊 @demo.bsky.social hi", handle => handle == "demo.bsky.social" ? "did:plc:demo" : null);

        var index = facets[0].GetProperty("index");
        Assert.Equal(11, index.GetProperty("byteStart").GetInt32());
        Assert.Equal(28, index.GetProperty("byteEnd").GetInt32());
        Assert.Empty(BlueskyFacets.Check("Café 😊 @demo.bsky.social hi", facets));
    }

    [Fact]
    public void Facets_in_UTF16_offsets_are_reported()
    {
        var text = "Café 😊 @demo.bsky.social hi";
        var utf16 = JsonSerializer.SerializeToElement(new[]
        {
            new { index = new { byteStart = 8, byteEnd = 25 }, features = new[] { new Dictionary<string, string> { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = "did:plc:demo" } } },
        });

        Assert.NotEmpty(BlueskyFacets.Check(text, utf16));
    }
}
