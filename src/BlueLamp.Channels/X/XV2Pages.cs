using System.Text.Json;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.X;

/// <summary>
/// The outline every X API v2 list answer shares (<c>data[]</c>, <c>includes.users[]</c>, <c>meta</c>): invalid JSON, a
/// body with neither <c>data</c> nor <c>meta</c>, or an item missing what the reader needs becomes a malformed page.
/// </summary>
internal static class XV2Pages
{
    public static TPage Parse<TPage>(ReadOnlyMemory<byte> body, string what, Func<JsonElement, TPage> read, Func<ChannelParseResult, TPage> malformed)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return malformed(ChannelParseResult.Malformed($"The body is not valid JSON ({e.Message})."));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.Property("meta") is null && root.Property("data") is null)
                return malformed(ChannelParseResult.Malformed($"The body has neither 'data' nor 'meta': not a v2 {what}."));
            try
            {
                return read(root);
            }
            catch (MalformedPayloadException e)
            {
                return malformed(ChannelParseResult.Malformed(e.Message));
            }
        }
    }

    /// <summary>The users the answer includes (<c>expansions=author_id</c> or <c>sender_id</c>), by id.</summary>
    public static Dictionary<string, JsonElement> Users(JsonElement root) => root.Array("includes", "users")
        .Where(u => u.String("id") is not null)
        .GroupBy(u => u.String("id")!)
        .ToDictionary(g => g.Key, g => g.First());
}
