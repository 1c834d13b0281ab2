using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>One copy as a publisher sends it: to which account, with which secret, the text, its language and images.</summary>
public sealed record CopyToSend(Account Account, string Secret, string Text, PostLanguage Language, IReadOnlyList<PostImage> Images);
