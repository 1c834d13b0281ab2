namespace BlueLamp.Web.Publishing;

/// <summary>
/// One contributor (a named officer) as the posting-rights page shows them: their area, the named accounts that are
/// their own, their area's accounts, and whether the force lets them post without a comms officer's approval.
/// </summary>
public sealed record ContributorRights(
    string UserId, string DisplayName, string? Email, bool Registered, string? AreaName,
    IReadOnlyList<string> OwnAccounts, IReadOnlyList<string> AreaAccounts, bool MayPostDirectly);
