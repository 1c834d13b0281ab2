using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>Everything the post page shows: the post, its appeal, its target accounts and each copy's result.</summary>
public sealed record PostDetails(Post Post, Appeal? Appeal, IReadOnlyList<Account> Accounts, IReadOnlyList<CopyView> Copies);
