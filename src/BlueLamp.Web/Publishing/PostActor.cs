using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>The signed-in person acting on posts: who, in which force, their roles and their posting rights.</summary>
public sealed record PostActor(Guid ForceId, string UserId, string DisplayName, bool IsCommsOfficer, bool IsSupervisor, PostingRights? Rights)
{
    public PostAuthor Author => new(UserId, DisplayName, IsCommsOfficer, Rights);

    /// <summary>Lockdowns are called by supervisors and comms officers.</summary>
    public bool MayLockDown => IsCommsOfficer || IsSupervisor;
}
