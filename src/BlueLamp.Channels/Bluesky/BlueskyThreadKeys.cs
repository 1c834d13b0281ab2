namespace BlueLamp.Channels.Bluesky;

/// <summary>How Bluesky events are grouped into conversations.</summary>
public static class BlueskyThreadKeys
{
    /// <summary>One conversation per person per thread (root post): their mention, and their replies under it.</summary>
    public static string Thread(string rootUri, string personDid) => "thread:" + rootUri + ":" + personDid;

    /// <summary>One conversation per chat convo.</summary>
    public static string Chat(string convoId) => "chat:" + convoId;
}
