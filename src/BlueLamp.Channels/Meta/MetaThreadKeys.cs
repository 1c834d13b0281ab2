namespace BlueLamp.Channels.Meta;

/// <summary>
/// How Facebook and Instagram events are grouped into conversations. Webhooks and reconciliation must agree, or a
/// backfilled message would open a second conversation beside the first.
/// </summary>
public static class MetaThreadKeys
{
    /// <summary>One direct-message conversation per person per account.</summary>
    public static string Direct(string personId) => "dm:" + personId;

    /// <summary>One comment thread per person per post: everything they write under that post.</summary>
    public static string Comments(string postId, string personId) => "comments:" + postId + ":" + personId;
}
