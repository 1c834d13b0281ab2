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

    /// <summary>Null when the platform lets comments (replies) be turned off under a published post; otherwise what comms can do instead.</summary>
    string? CommentsCannotBeClosed { get; }

    /// <summary>Turns comments (replies) off under one of the account's posts, where <see cref="CommentsCannotBeClosed"/> is null.</summary>
    Task<SendResult> CloseCommentsAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default);
}
