namespace BlueLamp.Channels.Bluesky;

/// <summary>Where the AT Protocol service is and how chat is reached (configuration section <c>Channels:Bluesky</c>).</summary>
public sealed class BlueskyOptions
{
    public const string SectionName = "Channels:Bluesky";

    /// <summary>The PDS or entryway the accounts log in to: https://bsky.social in production, the simulator in demo mode.</summary>
    public Uri ServiceUrl { get; set; } = new("https://bsky.social");

    /// <summary>The <c>atproto-proxy</c> header value that routes chat.bsky.* calls through the PDS to the chat service.</summary>
    public string ChatProxy { get; set; } = "did:web:api.bsky.chat#bsky_chat";

    /// <summary>Refresh an access token this long before it expires, so no call is made with one about to die.</summary>
    public TimeSpan SessionRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
}
