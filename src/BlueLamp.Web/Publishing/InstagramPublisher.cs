using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>Instagram content publishing: the image, or a carousel of them, each with its alt text (containers, then publish).</summary>
public sealed class InstagramPublisher(MetaPublishingClient graph) : IPostPublisher
{
    public Platform Platform => Platform.Instagram;

    public Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return graph.PublishToInstagramAsync(copy.Account.Meta(), copy.Text, copy.Images, cancellationToken);
    }

    public string? CommentsOnlyHidden => null;

    public async Task<CommentsClosing> CloseCommentsAsync(ConnectedAccount account, string platformPostId, IReadOnlyList<string> hiddenReplies, string? earlierUndo,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return CommentsClosing.Only(await graph.DisableInstagramCommentsAsync(account.Meta(), platformPostId, cancellationToken));
    }

    public Task<SendResult> OpenCommentsAsync(ConnectedAccount account, string platformPostId, string? undo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return graph.EnableInstagramCommentsAsync(account.Meta(), platformPostId, cancellationToken);
    }

    public Task<SendResult> HideCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Failed(PlatformFailure.Refused("Comments under an Instagram post are turned off, not hidden one by one.")));

    public Task<SendResult> ShowCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Failed(PlatformFailure.Refused("Comments under an Instagram post are turned on again, not shown one by one.")));

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return graph.DeleteAsync(account.Meta(), platformPostId, cancellationToken);
    }
}
