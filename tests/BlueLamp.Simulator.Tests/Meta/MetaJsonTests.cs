using System.Text;
using BlueLamp.Simulator.Meta;

namespace BlueLamp.Simulator.Tests.Meta;

public sealed class MetaJsonTests
{
    [Fact]
    public void Non_ASCII_is_escaped_as_lowercase_utf16_and_slashes_are_escaped()
    {
        var bytes = MetaJson.Serialize(new { text = "Siân 🚓 <b>&</b> https://a/b" });

        Assert.Equal("{\"text\":\"Si\\u00e2n \\ud83d\\ude93 <b>&<\\/b> https:\\/\\/a\\/b\"}", Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void Escaping_existing_escapes_keeps_them_valid()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\"", MetaJson.Escape("\"a\\\"b\\\\c\\n\""));
    }

    [Fact]
    public void Graph_fields_parse_nested_fields_and_limits()
    {
        var fields = GraphFields.Parse("messages.limit(5){id,message,from},updated_time");

        Assert.True(fields.Has("updated_time"));
        Assert.Equal(5, fields.LimitOf("messages"));
        Assert.True(fields.SubFields("messages")!.Has("from"));
        Assert.False(fields.Has("id"));
    }
}
