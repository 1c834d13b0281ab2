using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// One of the public's comments (replies) under a copy whose comments are held while proceedings are active: hidden on
/// the platform, waiting to be tried again, given up on with the platform's error, or released when the hold is lifted.
/// It is how the hold knows which comments it hid, so lifting it shows exactly those again.
/// </summary>
public sealed class HeldComment : IForceOwned
{
    private HeldComment()
    {
    }

    private HeldComment(Guid id, Guid forceId, Guid copyId, Guid messageId, DateTimeOffset now)
    {
        Id = id;
        ForceId = forceId;
        CopyId = copyId;
        MessageId = messageId;
        ChangedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    /// <summary>The held copy (<see cref="PostCopy"/>) the comment is under.</summary>
    public Guid CopyId { get; private set; }

    /// <summary>The comment as the desk holds it.</summary>
    public Guid MessageId { get; private set; }

    public HeldCommentState State { get; private set; }

    /// <summary>Failed attempts to hide it since it was last hidden or tried again by hand.</summary>
    public int Attempts { get; private set; }

    /// <summary>When a comment waiting to be tried again is due.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>The platform's last error.</summary>
    public string? Error { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The platform hid it.</summary>
    public static HeldComment Hidden(Guid id, Guid forceId, Guid copyId, Guid messageId, DateTimeOffset now) =>
        new(id, forceId, copyId, messageId, now) { State = HeldCommentState.Hidden };

    /// <summary>A first attempt that failed.</summary>
    public static HeldComment NotHidden(Guid id, Guid forceId, Guid copyId, Guid messageId, string error, bool retryable, HoldRetryPolicy policy, DateTimeOffset now)
    {
        var comment = new HeldComment(id, forceId, copyId, messageId, now);
        comment.RecordFailure(error, retryable, policy, now);
        return comment;
    }

    public void RecordHidden(DateTimeOffset now)
    {
        State = HeldCommentState.Hidden;
        Attempts = 0;
        NextAttemptAt = null;
        Error = null;
        ChangedAt = now;
    }

    /// <summary>
    /// The platform did not hide it. Tried again later with backoff while that may help; failed for good when the platform
    /// says it never will (<paramref name="retryable"/> false) or the attempts are used up.
    /// </summary>
    public void RecordFailure(string error, bool retryable, HoldRetryPolicy policy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        ArgumentNullException.ThrowIfNull(policy);
        Attempts++;
        Error = error.Length <= 2000 ? error : error[..2000];
        NextAttemptAt = retryable ? policy.NextAttempt(Attempts, now) : null;
        State = NextAttemptAt is null ? HeldCommentState.Failed : HeldCommentState.Retrying;
        ChangedAt = now;
    }

    /// <summary>Someone asked for a comment the hold gave up on to be tried again now.</summary>
    public string? RetryNow(DateTimeOffset now)
    {
        if (State != HeldCommentState.Failed)
            return "Only a comment the platform would not hide can be tried again.";
        State = HeldCommentState.Retrying;
        Attempts = 0;
        NextAttemptAt = now;
        ChangedAt = now;
        return null;
    }

    /// <summary>The hold was lifted: a hidden comment was shown again on the platform, or one never hidden is no longer tried.</summary>
    public void Release(DateTimeOffset now)
    {
        State = HeldCommentState.Released;
        NextAttemptAt = null;
        ChangedAt = now;
    }
}
