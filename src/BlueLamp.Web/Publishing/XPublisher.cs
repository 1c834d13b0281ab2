using BlueLamp.Channels.Common;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Posts on X: the images read from their addresses and uploaded with their alt text, then the post with their media
/// ids. Replies cannot be turned off after posting, so they are held by hiding each one (X's hide replies).
/// </summary>
public sealed class XPublisher(XPublishingClient x, XApiClient replies, ImageDownloader images) : IPostPublisher
{
    public Platform Platform => Platform.X;

    public async Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var (uploads, failure) = await ImagesForUpload.ReadAsync(images, copy.Images, XPublishingClient.MaxImageBytes, "X", cancellationToken);
        return failure ?? await x.CreatePostAsync(copy.Account.X(), copy.Text, uploads, cancellationToken);
    }

    /// <summary>X sets who may reply only when a post is created (reply_settings); after that, replies can only be hidden one by one.</summary>
    public string? CommentsOnlyHidden =>
        "X lets replies be limited only when a post is created, so new replies cannot be stopped: BlueLamp hides every reply instead, those already there now and each new one as it reaches the desk. X still lets anyone open hidden replies from the post; the desk keeps them.";

    public Task<SendResult> HideCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return replies.SetReplyHiddenAsync(account.X(), commentId, hidden: true, cancellationToken);
    }

    public Task<SendResult> ShowCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return replies.SetReplyHiddenAsync(account.X(), commentId, hidden: false, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return x.DeletePostAsync(account.X(), platformPostId, cancellationToken);
    }
}
