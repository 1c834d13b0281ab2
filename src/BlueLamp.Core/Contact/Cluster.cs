using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>
/// Many people reporting the same thing at once, grouped into one desk item that can be answered in bulk
/// (each person still gets their own reply on their own platform) and linked to one incident.
/// </summary>
public sealed class Cluster : IForceOwned
{
    private Cluster() { Label = ""; }

    public Cluster(Guid id, Guid forceId, string label, DateTimeOffset formedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Id = id;
        ForceId = forceId;
        Label = label.Length > 140 ? label[..140] : label;
        FormedAt = formedAt;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    /// <summary>What the cluster is about, from its first message.</summary>
    public string Label { get; private set; }

    public DateTimeOffset FormedAt { get; private set; }
}
