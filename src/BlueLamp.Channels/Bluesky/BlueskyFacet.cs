namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// A link, mention or tag found in a post's text, located by UTF-8 byte offsets as the AT Protocol requires
/// (<c>byteStart</c> inclusive, <c>byteEnd</c> exclusive). <see cref="Value"/> is the full URI, the handle (without @)
/// or the tag (without #).
/// </summary>
public sealed record BlueskyFacet(int ByteStart, int ByteEnd, BlueskyFacetKind Kind, string Value);
