namespace BlueLamp.Channels.Common;

/// <summary>An image's bytes as X and Bluesky take them (they upload files; Meta fetches a URL), with its alt text.</summary>
public sealed record ImageUpload(byte[] Bytes, string MimeType, string AltText);
