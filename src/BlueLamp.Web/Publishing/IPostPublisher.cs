using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>Publishes and takes down the force's own posts on one platform, through that platform's connector.</summary>
public interface IPostPublisher
{
    Platform Platform { get; }

    Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default);

    Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Null when the platform turns comments (replies) off under a published post (<see cref="CloseCommentsAsync"/>).
    /// Otherwise it cannot, and BlueLamp holds them by hiding each one (<see cref="HideCommentAsync"/>): this says so, and
    /// what hiding leaves open on that platform.
    /// </summary>
    string? CommentsOnlyHidden { get; }

    /// <summary>
    /// How many of the replies already under a post the same call that turns comments off can also hide
    /// (<see cref="CloseCommentsAsync"/>'s <c>hiddenReplies</c>: Bluesky's threadgate); 0 where it hides none.
    /// </summary>
    int MostRepliesHiddenOnClosing => 0;

    /// <summary>
    /// Turns comments (replies) off under one of the account's posts, where <see cref="CommentsOnlyHidden"/> is null, and
    /// hides <paramref name="hiddenReplies"/> (the platform's ids of replies already there) where the platform does both at
    /// once, keeping what the account set itself. <paramref name="earlierUndo"/> is what an earlier attempt of the same hold
    /// kept (<see cref="CommentsClosing.Undo"/>), so a retry restores the same things.
    /// By default (a platform that only hides, <see cref="CommentsOnlyHidden"/> not null) refused with that reason.
    /// </summary>
    Task<CommentsClosing> CloseCommentsAsync(ConnectedAccount account, string platformPostId, IReadOnlyList<string> hiddenReplies, string? earlierUndo,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(CommentsClosing.Only(SendResult.Failed(PlatformFailure.Refused(CommentsOnlyHidden
            ?? throw new NotSupportedException($"{Platform} turns comments off; its publisher must say how.")))));

    /// <summary>
    /// Turns comments (replies) on again under one of the account's posts and shows the replies closing them hid, restoring
    /// only what closing changed (<paramref name="undo"/>, <see cref="CommentsClosing.Undo"/>).
    /// By default (a platform that only hides) there is nothing to turn on: lifting the hold shows each hidden comment again.
    /// </summary>
    Task<SendResult> OpenCommentsAsync(ConnectedAccount account, string platformPostId, string? undo, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Sent(platformPostId));

    /// <summary>Hides one comment (reply) from the public under one of the account's posts, where <see cref="CommentsOnlyHidden"/> is not null.</summary>
    Task<SendResult> HideCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default);

    /// <summary>Shows a comment (reply) hidden by <see cref="HideCommentAsync"/> again.</summary>
    Task<SendResult> ShowCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default);
}
