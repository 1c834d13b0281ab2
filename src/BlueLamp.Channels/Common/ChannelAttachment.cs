namespace BlueLamp.Channels.Common;

/// <summary>
/// A file, image or shared link that came with a message. Only the kind and the platform's own link are kept:
/// the media itself stays on the platform until an operator chooses to open it.
/// </summary>
public sealed record ChannelAttachment(string Kind, string? Url);
