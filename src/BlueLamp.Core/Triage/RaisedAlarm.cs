using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// One life-at-risk alarm: when a conversation became life at risk, what raised it (and the model's version when the model
/// did), and, if an operator later judged that no life was at risk, who overturned it, when and why. Counting these by
/// source over a period gives each source's false-alarm rate in production. Nothing here lowers anything by itself.
/// </summary>
public sealed class RaisedAlarm : IForceOwned
{
    public const int MaxReasonLength = ThriveAssessment.MaxFieldLength;

    private RaisedAlarm() { }

    public RaisedAlarm(Guid id, Guid forceId, Guid conversationId, Guid? messageId, AlarmSource source, string? modelVersion, DateTimeOffset raisedAt)
    {
        if (!Enum.IsDefined(source))
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not a known alarm source.");
        Id = id;
        ForceId = forceId;
        ConversationId = conversationId;
        MessageId = messageId;
        Source = source;
        ModelVersion = source == AlarmSource.Model ? modelVersion : null;
        RaisedAt = raisedAt;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid ConversationId { get; private set; }

    /// <summary>The message whose assessment raised it; null when a person raised it on the conversation.</summary>
    public Guid? MessageId { get; private set; }

    public AlarmSource Source { get; private set; }

    /// <summary>The life-at-risk model's version when the model raised it.</summary>
    public string? ModelVersion { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset? OverturnedAt { get; private set; }

    public string? OverturnedByUserId { get; private set; }

    public string? OverturnedByName { get; private set; }

    /// <summary>The operator's rationale for judging that no life was at risk.</summary>
    public string? OverturnReason { get; private set; }

    public bool Overturned => OverturnedAt is not null;

    /// <summary>
    /// A platform's referral is an alarm whatever its words: when triage of the referral's own message already raised it,
    /// it is counted as the referral's.
    /// </summary>
    public void AttributeToReferral()
    {
        Source = AlarmSource.Referral;
        ModelVersion = null;
    }

    /// <summary>An operator judged that no life was at risk; their rationale is the reason. Once only.</summary>
    public void Overturn(string userId, string userName, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Overturned)
            throw new InvalidOperationException("This alarm was already overturned.");
        OverturnedAt = at;
        OverturnedByUserId = userId;
        OverturnedByName = userName;
        OverturnReason = reason.Trim().Length > MaxReasonLength ? reason.Trim()[..MaxReasonLength] : reason.Trim();
    }
}
