namespace BlueLamp.Core.Forces;

/// <summary>A policing area of a force (a district or neighbourhood policing area).</summary>
public sealed class Area : IForceOwned
{
    private Area() { Name = ""; }

    public Area(Guid id, Guid forceId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        ForceId = forceId;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public string Name { get; private set; }
}
