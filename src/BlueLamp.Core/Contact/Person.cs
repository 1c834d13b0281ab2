using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>A member of the public, who may be known by identities on several platforms.</summary>
public sealed class Person : IForceOwned
{
    private Person() { DisplayName = ""; }

    public Person(Guid id, Guid forceId, string displayName, DateTimeOffset firstSeenAt)
    {
        Id = id;
        ForceId = forceId;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? "Member of the public" : displayName.Trim();
        FirstSeenAt = firstSeenAt;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public string DisplayName { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }
}
