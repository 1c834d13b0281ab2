using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// What a Bluesky reply answers: the thread's root post and the post directly replied to, each with its CID
/// (take them from <see cref="ChannelEvent.ThreadRoot"/> and the event's own id and <see cref="ChannelEvent.ContentCid"/>).
/// </summary>
public sealed record BlueskyReplyTo(PostReference Root, PostReference Parent)
{
    /// <summary>The reply references for answering an inbound Bluesky event.</summary>
    public static BlueskyReplyTo For(ChannelEvent inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var parent = new PostReference(inbound.PlatformMessageId, inbound.ContentCid);
        return new BlueskyReplyTo(inbound.ThreadRoot ?? parent, parent);
    }
}
