using System.Text.RegularExpressions;

namespace BlueLamp.Channels.Common;

/// <summary>
/// Finds the links in a text the way X and Bluesky do: anything with an http(s) scheme, and bare domains whose
/// top-level domain is a real one ("met.police.uk", not "e.g"). Trailing punctuation is not part of the link.
/// </summary>
internal static partial class TextLinks
{
    // The top-level domains people actually write in messages to a UK police force; a bare "word.word" with any
    // other ending is left as text, as the platforms' own detectors do for unknown endings.
    private static readonly HashSet<string> KnownTopLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "uk", "co", "io", "me", "tv", "eu", "ie",
        "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "us", "ca", "au", "nz",
        "in", "jp", "cn", "ru", "br", "app", "dev", "ai", "wales", "cymru", "scot", "london", "news", "online",
        "site", "shop", "xyz", "blog", "social", "gg", "im", "je", "ly", "gl", "to", "fm", "link", "page",
    };

    public static IReadOnlyList<(int Start, int Length, string Uri)> Find(string text)
    {
        var found = new List<(int, int, string)>();
        foreach (Match match in Candidate().Matches(text))
        {
            var value = TrimTrailingPunctuation(match.Value);
            var hasScheme = match.Groups["scheme"].Success;
            if (!hasScheme && !KnownTopLevelDomains.Contains(match.Groups["tld"].Value))
                continue;
            if (value.Length == 0)
                continue;
            found.Add((match.Index, value.Length, hasScheme ? value : "https://" + value));
        }
        return found;
    }

    private static string TrimTrailingPunctuation(string value)
    {
        var end = value.Length;
        while (end > 0)
        {
            var c = value[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '’' or '”')
                end--;
            else if (c == ')' && value.AsSpan(0, end).Count('(') < value.AsSpan(0, end).Count(')'))
                end--;
            else
                break;
        }
        return value[..end];
    }

    [GeneratedRegex(@"(?<![\w@.\-/])(?<scheme>https?://)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+(?<tld>\p{L}{2,63})(?::\d{1,5})?(?![\p{L}\p{N}@])(?:[/?#][^\s]*)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Candidate();
}
