namespace BlueLamp.Channels.Common;

/// <summary>
/// A post on a platform by its id, plus the content hash where the platform needs one to cite it
/// (Bluesky replies must name the CID of the post they answer; other platforms leave it null).
/// </summary>
public sealed record PostReference(string Id, string? Cid = null);
