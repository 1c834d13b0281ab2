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

    /// <summary>Set when an operator found this was the same person as another and linked them; kept for the record.</summary>
    public Guid? MergedIntoPersonId { get; private set; }

    public void MergeInto(Guid personId)
    {
        if (personId == Id)
            throw new ArgumentException("A person cannot be linked to themselves.", nameof(personId));
        MergedIntoPersonId = personId;
    }
}
