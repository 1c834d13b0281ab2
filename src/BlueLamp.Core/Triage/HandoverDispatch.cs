using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// A message about a handover waiting to go to the force's command-and-control system (the outbox row, written in the
/// same transaction as what it reports): the handover itself (sequence 0), then any stand-down or re-opening, each
/// sent only after every earlier one of its handover was delivered. A sender leases it before each attempt, so two
/// nodes never send it at once; its idempotency key (the handover id for the handover, the row's id for an update) is
/// the same on every attempt, so a repeat after a crash never makes a second incident. It is done when the receiver took it.
/// </summary>
public sealed class HandoverDispatch : IForceOwned
{
    public const int MaxErrorLength = 500;

    public const int MaxReasonLength = Handover.MaxStandDownReasonLength;

    private HandoverDispatch() { }

    public HandoverDispatch(Guid id, Guid forceId, Guid handoverId, DateTimeOffset queuedAt)
    {
        Id = id;
        ForceId = forceId;
        HandoverId = handoverId;
        QueuedAt = queuedAt;
        DueAt = queuedAt;
        Kind = HandoverDispatchKind.Handover;
    }

    /// <summary>An update about a handover already queued: number <paramref name="sequence"/> (1 and up) of its messages, with who decided it and why.</summary>
    public static HandoverDispatch Update(Guid id, Guid forceId, Guid handoverId, HandoverDispatchKind kind, int sequence, string reason, string byName, DateTimeOffset at)
    {
        if (kind == HandoverDispatchKind.Handover)
            throw new ArgumentException("The handover itself is queued with the constructor.", nameof(kind));
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new HandoverDispatch(id, forceId, handoverId, at)
        {
            Kind = kind,
            Sequence = sequence,
            Reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason,
            ByName = byName,
        };
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid HandoverId { get; private set; }

    public HandoverDispatchKind Kind { get; private set; }

    /// <summary>The order of this handover's messages: 0 is the handover, each update one more. Sent strictly in this order.</summary>
    public int Sequence { get; private set; }

    /// <summary>An update's reason (the operator's for a stand-down, the new alarm's for a re-opening); null for the handover.</summary>
    public string? Reason { get; private set; }

    /// <summary>Who decided an update; null for the handover.</summary>
    public string? ByName { get; private set; }

    /// <summary>The idempotency key of every attempt: the handover id for the handover (as since version 1), the row's own id for an update.</summary>
    public Guid IdempotencyKey => Kind == HandoverDispatchKind.Handover ? HandoverId : Id;

    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>When the next attempt may start: a lease moves it on while an attempt runs, a failure by the back-off.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Set while a sender is attempting it (until the lease ends), so "retry now" cannot start a second attempt alongside.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>Why the last attempt failed, as shown on the control-room screen; null once delivered.</summary>
    public string? LastError { get; private set; }

    /// <summary>True when the receiver refused it for good (a 4xx other than 408/429): no more automatic attempts until "retry now".</summary>
    public bool GaveUp { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The incident number the command-and-control system answered with, if it did.</summary>
    public string? IncidentNumber { get; private set; }

    public bool IsDelivered => DeliveredAt is not null;

    public void Delivered(string? incidentNumber, DateTimeOffset at)
    {
        DeliveredAt = at;
        LastAttemptAt = at;
        LeasedUntil = null;
        IncidentNumber = incidentNumber;
        LastError = null;
        GaveUp = false;
    }

    /// <summary>Records a failed attempt and when to try again (<paramref name="retryAt"/> null: not automatically).</summary>
    public void Failed(string error, DateTimeOffset at, DateTimeOffset? retryAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        if (IsDelivered)
            throw new InvalidOperationException("A delivered handover cannot fail.");
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        LastAttemptAt = at;
        LeasedUntil = null;
        GaveUp = retryAt is null;
        DueAt = retryAt ?? at;
    }

    /// <summary>Someone pressed "retry now": due at once, also after the receiver refused it.</summary>
    public void RetryNow(DateTimeOffset at)
    {
        if (IsDelivered)
            throw new InvalidOperationException("This handover has already been delivered.");
        GaveUp = false;
        DueAt = at;
    }

    /// <summary>How long to wait after <paramref name="attempts"/> failed attempts: doubling from <paramref name="first"/>, never beyond <paramref name="longest"/>.</summary>
    public static TimeSpan BackOff(int attempts, TimeSpan first, TimeSpan longest)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, longest.Ticks));
        return wait < first ? first : wait;
    }
}
