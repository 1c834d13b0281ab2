namespace BlueLamp.Data;

/// <summary>Makes database contexts for one force, or unscoped ones that see only force-independent tables.</summary>
public sealed class BlueLampDbFactory(Func<BlueLampDb> create)
{
    /// <summary>A context that reads and writes only <paramref name="forceId"/>'s records.</summary>
    public BlueLampDb ForForce(Guid forceId) => create().ScopeTo(forceId);

    /// <summary>A context that sees no force's records: for looking up forces and users, and for migrations.</summary>
    public BlueLampDb Unscoped() => create();
}
