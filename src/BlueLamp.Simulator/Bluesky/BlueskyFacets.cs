using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>
/// Rich-text facets as Bluesky writes them: mention ranges in UTF-8 byte offsets, not UTF-16 indexes. Also
/// checks the facets BlueLamp sends, because the PDS accepts wrong offsets and the post then links the wrong text.
/// </summary>
public static partial class BlueskyFacets
{
    /// <summary>Mention facets for every "@handle" in the text that names a known DID.</summary>
    public static JsonElement MentionsIn(string text, Func<string, string?> didOfHandle)
    {
        var facets = new List<object>();
        foreach (Match match in HandlePattern().Matches(text))
        {
            var handle = match.Groups[1].Value;
            if (didOfHandle(handle) is not { } did)
            {
                continue;
            }
            var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, match.Index));
            var byteEnd = byteStart + Encoding.UTF8.GetByteCount(match.Value);
            facets.Add(new Dictionary<string, object>
            {
                ["index"] = new { byteStart, byteEnd },
                ["features"] = new object[] { new Dictionary<string, object> { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = did } },
            });
        }
        return JsonSerializer.SerializeToElement(facets);
    }

    /// <summary>Problems with facets as sent: ranges outside the text, not on character boundaries, or a mention over text that is not "@…".</summary>
    public static IReadOnlyList<string> Check(string text, JsonElement? facets)
    {
        var problems = new List<string>();
        if (facets is not { ValueKind: JsonValueKind.Array } array)
        {
            return problems;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        var position = 0;
        foreach (var facet in array.EnumerateArray())
        {
            if (!facet.TryGetProperty("index", out var index)
                || !index.TryGetProperty("byteStart", out var startElement) || !startElement.TryGetInt32(out var start)
                || !index.TryGetProperty("byteEnd", out var endElement) || !endElement.TryGetInt32(out var end))
            {
                problems.Add($"facet {position} has no index.byteStart/byteEnd");
            }
            else if (start < 0 || end > bytes.Length || start >= end)
            {
                problems.Add($"facet {position} range {start}..{end} is outside the text's {bytes.Length} UTF-8 bytes");
            }
            else if (IsContinuation(bytes, start) || (end < bytes.Length && IsContinuation(bytes, end)))
            {
                problems.Add($"facet {position} range {start}..{end} splits a UTF-8 character (were UTF-16 indexes used?)");
            }
            else if (IsMention(facet) && bytes[start] != (byte)'@')
            {
                problems.Add($"facet {position} is a mention but its range covers \"{Encoding.UTF8.GetString(bytes, start, end - start)}\" (were UTF-16 indexes used?)");
            }
            position++;
        }
        return problems;
    }

    private static bool IsContinuation(byte[] bytes, int at) => (bytes[at] & 0b1100_0000) == 0b1000_0000;

    private static bool IsMention(JsonElement facet) =>
        facet.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array
        && features.EnumerateArray().Any(f => f.TryGetProperty("$type", out var type) && type.GetString() == "app.bsky.richtext.facet#mention");

    [GeneratedRegex(@"(?<![\w@])@([a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9])")]
    private static partial Regex HandlePattern();
}
