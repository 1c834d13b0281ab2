using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>A copy of a post as the post page shows it: the copy and the name of its account.</summary>
public sealed record CopyView(PostCopy Copy, string AccountName);
