using BlueLamp.Channels.Common;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>Posts on X: the images read from their addresses and uploaded with their alt text, then the post with their media ids.</summary>
public sealed class XPublisher(XPublishingClient x, ImageDownloader images) : IPostPublisher
{
    public Platform Platform => Platform.X;

    public async Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var (uploads, failure) = await ImagesForUpload.ReadAsync(images, copy.Images, XPublishingClient.MaxImageBytes, "X", cancellationToken);
        return failure ?? await x.CreatePostAsync(copy.Account.X(), copy.Text, uploads, cancellationToken);
    }

    /// <summary>X sets who may reply only when a post is created (reply_settings); hiding single replies is all that is left.</summary>
    public string? CommentsCannotBeClosed =>
        "X only lets replies be limited when a post is created, not afterwards: hide unwanted replies one by one (X's hide replies) or take the post down.";

    public Task<SendResult> CloseCommentsAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Failed(PlatformFailure.Refused(CommentsCannotBeClosed!)));

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return x.DeletePostAsync(account.X(), platformPostId, cancellationToken);
    }
}
