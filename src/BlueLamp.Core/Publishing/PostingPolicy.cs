using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// Who may post where: a comms officer to every active account; a contributor (a named officer) to their own accounts
/// and their area's accounts, with a comms officer's approval unless the force granted them direct posting.
/// </summary>
public static class PostingPolicy
{
    /// <summary>Null when <paramref name="author"/> may put posts on <paramref name="account"/>; otherwise why not.</summary>
    public static string? MayTarget(PostAuthor author, Account account)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(account);
        if (account.Platform == Platform.WebChat)
            return $"{account.DisplayName} is web chat, which carries conversations, not posts.";
        if (account.Status != AccountStatus.Active)
            return $"{account.DisplayName} is {account.Status.ToString().ToLowerInvariant()} and takes no new posts.";
        if (author.IsCommsOfficer)
            return null;
        var rights = author.Rights;
        if (rights is null)
            return "You have no posting rights yet: ask the comms team to register your accounts and area.";
        if (rights.OwnAccountIds.Contains(account.Id))
            return null;
        if (rights.AreaId is { } area && account.AreaId == area && account.Kind is AccountKind.Area or AccountKind.Team)
            return null;
        return $"You may post to your own accounts and your area's accounts; {account.DisplayName} is neither. Ask the comms team.";
    }

    /// <summary>True when the author's posts wait for a comms officer's approval.</summary>
    public static bool NeedsApproval(PostAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return !author.IsCommsOfficer && author.Rights?.MayPostDirectly != true;
    }

    /// <summary>Only comms officers approve, reject, schedule others' posts and run appeals.</summary>
    public static bool MayApprove(PostAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.IsCommsOfficer;
    }
}
