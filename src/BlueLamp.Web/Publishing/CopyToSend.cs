using BlueLamp.Core.Publishing;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>One copy as a publisher sends it: to which connected account, the text, its language and images.</summary>
public sealed record CopyToSend(ConnectedAccount Account, string Text, PostLanguage Language, IReadOnlyList<PostImage> Images);
