using System.Text;
using System.Text.RegularExpressions;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// Finds links, @mentions and #tags in a post so they can be sent as facets. Bluesky does not detect them itself:
/// without facets a link is plain text. Offsets count UTF-8 bytes, not .NET's UTF-16 chars, so text with emoji or
/// accents before a link still points at the right bytes.
/// </summary>
public static partial class BlueskyFacets
{
    public static IReadOnlyList<BlueskyFacet> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var facets = new List<BlueskyFacet>();
        foreach (var (start, length, uri) in TextLinks.Find(text))
            facets.Add(At(text, start, length, BlueskyFacetKind.Link, uri));
        foreach (Match match in Mention().Matches(text))
        {
            var handle = match.Groups["handle"].Value.TrimEnd('.');
            if (!handle.Contains('.', StringComparison.Ordinal) || Overlaps(facets, text, match.Index))
                continue;
            facets.Add(At(text, match.Groups["at"].Index, handle.Length + 1, BlueskyFacetKind.Mention, handle.ToLowerInvariant()));
        }
        foreach (Match match in Tag().Matches(text))
        {
            var tag = match.Groups["tag"].Value.TrimEnd('.', ',', '!', '?', ';', ':');
            if (tag.Length == 0 || tag.All(char.IsAsciiDigit) || Overlaps(facets, text, match.Index))
                continue;
            facets.Add(At(text, match.Groups["hash"].Index, tag.Length + 1, BlueskyFacetKind.Tag, tag));
        }
        return facets.OrderBy(f => f.ByteStart).ToList();
    }

    private static BlueskyFacet At(string text, int charStart, int charLength, BlueskyFacetKind kind, string value)
    {
        var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, charStart));
        var byteEnd = byteStart + Encoding.UTF8.GetByteCount(text.AsSpan(charStart, charLength));
        return new BlueskyFacet(byteStart, byteEnd, kind, value);
    }

    private static bool Overlaps(List<BlueskyFacet> facets, string text, int charIndex)
    {
        var bytePosition = Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));
        return facets.Any(f => bytePosition >= f.ByteStart && bytePosition < f.ByteEnd);
    }

    // A handle is a domain name: labels of letters, digits and hyphens joined by dots.
    [GeneratedRegex(@"(?<=^|[\s(])(?<at>@)(?<handle>[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<=^|\s)(?<hash>[#＃])(?<tag>[^\s#＃\p{P}](?:[^\s#＃]*[^\s#＃\p{P}])?)", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
