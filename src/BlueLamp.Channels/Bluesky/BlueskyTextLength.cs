using System.Globalization;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// Bluesky limits text by graphemes (what a reader sees as one character: an emoji family is one): 300 for a post,
/// 1,000 for a chat message.
/// </summary>
public static class BlueskyTextLength
{
    public const int PostLimit = 300;

    public const int ChatLimit = 1000;

    public static int Count(string text) => new StringInfo(text).LengthInTextElements;

    public static TextLengthCheck CheckPost(string text) => new(Count(text), PostLimit, "characters", "Bluesky");

    public static TextLengthCheck CheckChat(string text) => new(Count(text), ChatLimit, "characters", "Bluesky chat");
}
