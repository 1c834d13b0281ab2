using BlueLamp.Core.Accounts;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>One platform identity of a person (a PSID, an X user id, a DID, a web-chat visitor).</summary>
public sealed class PersonIdentity : IForceOwned
{
    private PersonIdentity() { PlatformUserId = ""; }

    public PersonIdentity(Guid id, Guid forceId, Guid personId, Platform platform, string platformUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformUserId);
        Id = id;
        ForceId = forceId;
        PersonId = personId;
        Platform = platform;
        PlatformUserId = platformUserId;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid PersonId { get; private set; }

    public Platform Platform { get; private set; }

    /// <summary>The platform's own identifier of the person; for web chat, a hash of the visitor's token.</summary>
    public string PlatformUserId { get; private set; }
}
