namespace BlueLamp.Channels.Bluesky;

/// <summary>The rich-text features Bluesky shows: a link, an @mention of an account, or a #tag.</summary>
public enum BlueskyFacetKind
{
    Link = 1,
    Mention = 2,
    Tag = 3,
}
