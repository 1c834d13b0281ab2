namespace BlueLamp.Channels.Common;

/// <summary>
/// Thrown inside a parser when a payload is not something the platform sends; the parser's public entry point turns it
/// into <see cref="ChannelParseResult.Malformed"/>, so it never escapes to callers.
/// </summary>
internal sealed class MalformedPayloadException(string reason) : Exception(reason);
