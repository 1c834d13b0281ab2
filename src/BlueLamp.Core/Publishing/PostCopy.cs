using BlueLamp.Core.Accounts;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// One copy of a post on one account in one language: the exact text sent, and the platform's answer (its post id and
/// link, or the error). Every copy of an appeal is known this way, so all of them can be taken down in one action.
/// </summary>
public sealed class PostCopy : IForceOwned
{
    private PostCopy()
    {
        Text = "";
    }

    public PostCopy(Guid id, Guid forceId, Guid postId, Guid accountId, Platform platform, PostLanguage language, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Id = id;
        ForceId = forceId;
        PostId = postId;
        AccountId = accountId;
        Platform = platform;
        Language = language;
        Text = text;
        State = CopyState.Pending;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid PostId { get; private set; }

    public Guid AccountId { get; private set; }

    public Platform Platform { get; private set; }

    public PostLanguage Language { get; private set; }

    public string Text { get; private set; }

    public CopyState State { get; private set; }

    public string? PlatformPostId { get; private set; }

    public string? Link { get; private set; }

    public string? Error { get; private set; }

    /// <summary>True when the last error may go away by trying again (rate limits, outages).</summary>
    public bool Retryable { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Why the copy was taken down (e.g. "found: missing person's details removed").</summary>
    public string? WithdrawalReason { get; private set; }

    public bool IsLive => State is CopyState.Published or CopyState.Withdrawing or CopyState.WithdrawFailed;

    /// <summary>Null while comments are open; otherwise how turning them off went.</summary>
    public CommentsState? CommentsState { get; private set; }

    /// <summary>Why comments were turned off, the platform's error, or what the platform does not allow.</summary>
    public string? CommentsNote { get; private set; }

    public DateTimeOffset? CommentsChangedAt { get; private set; }

    /// <summary>
    /// What lifting the hold must restore on the platform, as its connector wrote it (Bluesky: the threadgate's allow
    /// rules before the hold and the replies the hold hid); null where there is nothing.
    /// </summary>
    public string? CommentsHoldUndo { get; private set; }

    public const int MaxCommentsHoldUndoLength = 8000;

    public void RecordCommentsClosed(string reason, DateTimeOffset now, string? undo = null)
    {
        SetComments(Publishing.CommentsState.Closed, reason, now);
        KeepUndo(undo);
    }

    /// <summary>Closing failed; what it found to restore is kept (<paramref name="undo"/>) for the retry, which may find its own write there.</summary>
    public void RecordCommentsCloseFailed(string error, DateTimeOffset now, string? undo = null)
    {
        SetComments(Publishing.CommentsState.CloseFailed, error, now);
        KeepUndo(undo);
    }

    private void KeepUndo(string? undo)
    {
        if (undo is { Length: > MaxCommentsHoldUndoLength })
            throw new ArgumentException($"What a hold restores is at most {MaxCommentsHoldUndoLength} characters.", nameof(undo));
        CommentsHoldUndo = undo ?? CommentsHoldUndo;
    }

    /// <summary>Comments cannot be turned off here, so from now on each one under the copy is hidden; the explanation says what that leaves open.</summary>
    public void RecordCommentsHeld(string explanation, DateTimeOffset now) => SetComments(Publishing.CommentsState.Held, explanation, now);

    /// <summary>True while the public's comments under the copy are held by hiding each one.</summary>
    public bool CommentsHeld => CommentsState is Publishing.CommentsState.Held or Publishing.CommentsState.Holding;

    public void RecordCommentsNotPossible(string explanation, DateTimeOffset now) => SetComments(Publishing.CommentsState.NotPossible, explanation, now);

    /// <summary>True while comments under the copy are turned off or held, or lifting that has not finished: what lifting a hold undoes.</summary>
    public bool CommentsRestricted => CommentsState is not (null or Publishing.CommentsState.Reopened);

    /// <summary>The hold was lifted on the platform: comments are open again and those it hid are shown again.</summary>
    public void RecordCommentsReopened(string reason, DateTimeOffset now)
    {
        SetComments(Publishing.CommentsState.Reopened, reason, now);
        CommentsHoldUndo = null;
    }

    /// <summary>Lifting the hold did not finish on the platform; it is tried again.</summary>
    public void RecordCommentsReopenFailed(string error, DateTimeOffset now) => SetComments(Publishing.CommentsState.ReopenFailed, error, now);

    private void SetComments(CommentsState state, string note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        CommentsState = state;
        CommentsNote = note;
        CommentsChangedAt = now;
    }

    public void RecordPublished(string platformPostId, string? link, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformPostId);
        State = CopyState.Published;
        PlatformPostId = platformPostId;
        Link = link;
        Error = null;
        Retryable = false;
        PublishedAt = now;
        Attempted(now);
    }

    public void RecordFailed(string error, bool retryable, DateTimeOffset now)
    {
        State = CopyState.Failed;
        Error = error;
        Retryable = retryable;
        Attempted(now);
    }

    /// <summary>A node was interrupted while sending this copy: whether it reached the platform is not known.</summary>
    public void RecordUnknown(DateTimeOffset now)
    {
        State = CopyState.Unknown;
        Error = "Sending was interrupted: check the account on the platform before trying again, or the post may appear twice.";
        Retryable = true;
        LastAttemptAt = now;
    }

    /// <summary>Makes a failed (or unknown) copy ready to be sent again.</summary>
    public string? PrepareRetry()
    {
        if (State is not (CopyState.Failed or CopyState.Unknown))
            return "Only a copy that failed can be sent again.";
        State = CopyState.Pending;
        return null;
    }

    public void RecordWithdrawn(string reason, DateTimeOffset now)
    {
        State = CopyState.Withdrawn;
        WithdrawalReason = reason;
        WithdrawnAt = now;
        Error = null;
        Retryable = false;
        Attempted(now);
    }

    public void RecordWithdrawFailed(string reason, string error, DateTimeOffset now)
    {
        State = CopyState.WithdrawFailed;
        WithdrawalReason = reason;
        Error = error;
        Retryable = true;
        Attempted(now);
    }

    private void Attempted(DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
    }
}
