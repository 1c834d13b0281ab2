using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// A contributor's place in the account register: their area, the named accounts that are their own, and whether the
/// force lets them post without a comms officer's approval.
/// </summary>
public sealed class PostingRights : IForceOwned
{
    private PostingRights()
    {
        UserId = "";
        OwnAccountIds = [];
    }

    public PostingRights(Guid id, Guid forceId, string userId, Guid? areaId, IEnumerable<Guid> ownAccountIds, bool mayPostDirectly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(ownAccountIds);
        Id = id;
        ForceId = forceId;
        UserId = userId;
        AreaId = areaId;
        OwnAccountIds = ownAccountIds.Distinct().ToList();
        MayPostDirectly = mayPostDirectly;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public string UserId { get; private set; }

    public Guid? AreaId { get; private set; }

    public List<Guid> OwnAccountIds { get; private set; }

    /// <summary>Granted by the force: this contributor's posts go out without a comms officer's approval.</summary>
    public bool MayPostDirectly { get; private set; }

    public void GrantDirectPosting(bool granted) => MayPostDirectly = granted;
}
