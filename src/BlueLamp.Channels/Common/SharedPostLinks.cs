namespace BlueLamp.Channels.Common;

/// <summary>
/// The links in a message that could be one of the force's own published posts, written the way BlueLamp stores a
/// copy's link (https://www.facebook.com/{id}, https://x.com/i/web/status/{id}, https://bsky.app/profile/{handle}/post/{rkey}),
/// so a DM that shares an appeal is found with one lookup of the stored link. Query strings (X's "?s=20") and
/// twitter.com addresses are read as the same post.
/// </summary>
public static class SharedPostLinks
{
    /// <summary>At most this many links of one message are looked up.</summary>
    public const int MaxLinks = 5;

    public static IReadOnlyList<string> In(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('.', StringComparison.Ordinal))
            return [];
        var links = new List<string>();
        foreach (var (_, _, uri) in TextLinks.Find(text))
        {
            if (links.Count == MaxLinks)
                break;
            if (Canonical(uri) is { } canonical && !links.Contains(canonical))
                links.Add(canonical);
        }
        return links;
    }

    /// <summary>The stored form of a post link, or null when the address is no platform post.</summary>
    public static string? Canonical(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
            return null;
        var host = parsed.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal) || host.StartsWith("m.", StringComparison.Ordinal) || host.StartsWith("mobile.", StringComparison.Ordinal))
            host = host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var segments = parsed.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (host)
        {
            case "x.com" or "twitter.com":
                var status = Array.IndexOf(segments, "status");
                return status >= 0 && status + 1 < segments.Length && segments[status + 1].All(char.IsAsciiDigit)
                    ? "https://x.com/i/web/status/" + segments[status + 1]
                    : null;
            case "bsky.app":
                return segments is ["profile", var handle, "post", var key] ? $"https://bsky.app/profile/{handle.ToLowerInvariant()}/post/{key}" : null;
            case "facebook.com":
                return segments.Length == 1 ? "https://www.facebook.com/" + segments[0] : null;
            default:
                return null;
        }
    }
}
