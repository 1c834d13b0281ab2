namespace BlueLamp.Channels.Bluesky;

/// <summary>Public bsky.app links for AT Protocol records and profiles.</summary>
internal static class BlueskyLinks
{
    public static string? Profile(string? handleOrDid) => handleOrDid is null ? null : "https://bsky.app/profile/" + handleOrDid;

    /// <summary>at://did/app.bsky.feed.post/rkey → https://bsky.app/profile/{handle or did}/post/{rkey}.</summary>
    public static string? Post(string atUri, string? handle)
    {
        var parts = atUri.StartsWith("at://", StringComparison.Ordinal) ? atUri[5..].Split('/') : [];
        if (parts.Length != 3 || parts[1] != "app.bsky.feed.post")
            return null;
        return $"https://bsky.app/profile/{handle ?? parts[0]}/post/{parts[2]}";
    }

    /// <summary>The record key, the last segment of an at:// URI.</summary>
    public static string? RecordKey(string atUri)
    {
        var parts = atUri.StartsWith("at://", StringComparison.Ordinal) ? atUri[5..].Split('/') : [];
        return parts.Length == 3 ? parts[2] : null;
    }
}
