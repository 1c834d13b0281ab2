using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>
/// A reply waiting to go out through its platform (the outbox). A sender leases it before sending, so two nodes never
/// send the same reply at once; it is complete when the platform took it or refused it for good.
/// </summary>
public sealed class OutboundDelivery : IForceOwned
{
    private OutboundDelivery() { }

    public OutboundDelivery(Guid id, Guid forceId, Guid messageId, Guid conversationId, Guid accountId, DateTimeOffset queuedAt)
    {
        Id = id;
        ForceId = forceId;
        MessageId = messageId;
        ConversationId = conversationId;
        AccountId = accountId;
        QueuedAt = queuedAt;
        DueAt = queuedAt;
    }

    /// <summary>The outbox entry that sends <paramref name="reply"/>, queued as it was recorded.</summary>
    public static OutboundDelivery For(Message reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new(Guid.CreateVersion7(), reply.ForceId, reply.Id, reply.ConversationId, reply.AccountId, reply.RecordedAt);
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid MessageId { get; private set; }

    public Guid ConversationId { get; private set; }

    public Guid AccountId { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>When the next attempt may start; a sender that leases the delivery moves it on by the lease time.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Queued again by hand after a failure.</summary>
    public void Requeue(DateTimeOffset at)
    {
        CompletedAt = null;
        DueAt = at;
    }

    public void Complete(DateTimeOffset at) => CompletedAt = at;
}
