using BlueLamp.Core.Accounts;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>
/// One event from a platform exactly as it arrived, stored before the platform is told "received". The unique
/// <see cref="EventKey"/> per account is what drops a retried, doubled or re-polled event; <see cref="ProcessedAt"/>
/// stays empty until the event has reached the desk, so an event stored by a process that then died is taken in on
/// the next start. The raw payload stays here for disclosure, also after an edit changed the message.
/// </summary>
public sealed class InboundEvent : IForceOwned
{
    /// <summary>The longest raw payload kept; a longer one is cut (and marked as cut).</summary>
    public const int MaxPayloadLength = 32_000;

    public const int MaxKeyLength = 400;

    private InboundEvent() { EventKey = ""; PlatformMessageId = ""; Event = ""; Payload = ""; Source = ""; }

    public InboundEvent(Guid id, Guid forceId, Guid accountId, Platform platform, string eventKey, string platformMessageId,
        string @event, string payload, string source, DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(platformMessageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(@event);
        if (eventKey.Length > MaxKeyLength)
            throw new ArgumentException($"An event key may hold at most {MaxKeyLength} characters.", nameof(eventKey));
        Id = id;
        ForceId = forceId;
        AccountId = accountId;
        Platform = platform;
        EventKey = eventKey;
        PlatformMessageId = platformMessageId;
        Event = @event;
        Payload = payload.Length <= MaxPayloadLength ? payload : payload[..(MaxPayloadLength - 20)] + "…[payload cut]";
        Source = source;
        SentAt = sentAt;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid AccountId { get; private set; }

    public Platform Platform { get; private set; }

    /// <summary>What makes the event unique on its account: the platform's message id, and for edits and removals the verb and time too.</summary>
    public string EventKey { get; private set; }

    public string PlatformMessageId { get; private set; }

    /// <summary>The event as the connectors normalised it (JSON), so it can be taken in again without the original request.</summary>
    public string Event { get; private set; }

    /// <summary>The platform's own JSON for this event, as received (size-limited).</summary>
    public string Payload { get; private set; }

    /// <summary>How it came: webhook, poll or reconciliation.</summary>
    public string Source { get; private set; }

    /// <summary>The platform's time of the event.</summary>
    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>When the event reached the desk; null while it has not.</summary>
    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Why taking the event in last failed (a bug or an outage; it is tried again).</summary>
    public string? LastError { get; private set; }

    public void Processed(DateTimeOffset at) => ProcessedAt ??= at;

    public void Failed(string error)
    {
        Attempts++;
        LastError = error.Length <= 500 ? error : error[..500];
    }
}
