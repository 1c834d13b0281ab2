using System.Text.Json;

namespace BlueLamp.Simulator.State;

/// <summary>
/// One thing that exists on a simulated platform: a DM, a comment, a mention or a post, written by a member
/// of the public or by the force's account (that is, sent by BlueLamp).
/// </summary>
public sealed record SimulatedEntry
{
    /// <summary>The platform's own id: a Messenger mid, a Graph comment id, a tweet id, an at:// URI, a chat message id.</summary>
    public required string Id { get; init; }

    public required SimulatedPlatform Platform { get; init; }

    public required EntryKind Kind { get; init; }

    /// <summary>True when the force's account wrote it, i.e. BlueLamp sent it through the platform's API.</summary>
    public required bool ByAccount { get; init; }

    /// <summary>The member of the public it belongs to: its author, or the person it was sent or replied to.</summary>
    public string? PersonId { get; init; }

    /// <summary>True when BlueLamp created it through the platform's API (as opposed to seeded demo posts).</summary>
    public bool ViaApi { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>DM thread or conversation id; for a comment the post it is under; for a tweet its conversation root.</summary>
    public string? ThreadId { get; init; }

    /// <summary>The comment, tweet or post this one answers.</summary>
    public string? ParentId { get; init; }

    /// <summary>Bluesky's content hash of the record, needed for strong references in replies.</summary>
    public string? Cid { get; init; }

    public string? ParentCid { get; init; }

    public string? RootId { get; init; }

    public string? RootCid { get; init; }

    /// <summary>How BlueLamp sent a Meta message: RESPONSE, HUMAN_AGENT, PRIVATE_REPLY.</summary>
    public string? SendMode { get; init; }

    /// <summary>Bluesky facets exactly as BlueLamp sent them.</summary>
    public JsonElement? Facets { get; init; }

    public bool Edited { get; init; }

    /// <summary>The (first) image of a published photo post or Instagram media, and the alt text BlueLamp gave it.</summary>
    public string? ImageUrl { get; init; }

    public string? AltText { get; init; }

    /// <summary>
    /// The alt text of each image of a post, in order: attached to an X or Bluesky post (uploaded first), a Facebook post's
    /// photos, an Instagram post or carousel.
    /// </summary>
    public IReadOnlyList<string> ImageAltTexts { get; init; } = [];

    /// <summary>The address of each image of a Facebook or Instagram post, in order (the platform fetched them).</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = [];

    public bool Removed { get; init; }

    /// <summary>The account turned comments (replies) off under this post: Instagram comment_enabled=false, a Bluesky threadgate.</summary>
    public bool CommentsClosed { get; init; }

    /// <summary>A Bluesky post with a threadgate record (which may still allow some replies, and may hide some).</summary>
    public bool Gated { get; init; }

    /// <summary>A gated Bluesky post's threadgate record, as written (its allow rules and hidden replies), served by getRecord.</summary>
    public string? ThreadgateJson { get; init; }

    /// <summary>The threadgate record's CID: getRecord gives it, and putRecord or deleteRecord with a different swapRecord is refused (InvalidSwap).</summary>
    public string? ThreadgateCid { get; init; }

    /// <summary>True when the account hid this comment or reply: the platform shows it only to its author (and their friends).</summary>
    public bool Hidden { get; init; }

    /// <summary>What the simulator noticed was wrong with BlueLamp's request but, like the platform, accepted.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Order of arrival, so lists are stable when two entries share a timestamp.</summary>
    public long Sequence { get; init; }
}
