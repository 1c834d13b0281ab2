using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Everything the post page shows: the post, its appeal, its target accounts, each copy's result, and the comments a
/// comment hold has not hidden yet (waiting for their next attempt, or given up on with the platform's error).
/// </summary>
public sealed record PostDetails(Post Post, Appeal? Appeal, IReadOnlyList<Account> Accounts, IReadOnlyList<CopyView> Copies, IReadOnlyList<FailedHeldComment> HeldCommentsNotHidden);
