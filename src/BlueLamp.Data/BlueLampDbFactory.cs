namespace BlueLamp.Data;

/// <summary>
/// Makes database contexts for one force, or unscoped ones that see only force-independent tables. The contexts come
/// from EF Core's pool (building one is costly enough to matter at thousands of webhooks a second); disposing one
/// returns it.
/// </summary>
public sealed class BlueLampDbFactory(Func<BlueLampDb> create)
{
    /// <summary>A context that reads and writes only <paramref name="forceId"/>'s records.</summary>
    public BlueLampDb ForForce(Guid forceId) => create().LendTo(forceId);

    /// <summary>A context that sees no force's records: for looking up forces and users, and for migrations.</summary>
    public BlueLampDb Unscoped() => create().LendTo(null);
}
