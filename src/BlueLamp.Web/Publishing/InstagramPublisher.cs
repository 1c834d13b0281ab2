using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>Instagram content publishing: the first image with the caption and its alt text (a container, then publish).</summary>
public sealed class InstagramPublisher(MetaPublishingClient graph) : IPostPublisher
{
    public Platform Platform => Platform.Instagram;

    public Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (copy.Images.Count == 0)
            return Task.FromResult(SendResult.Failed(PlatformFailure.Refused("Instagram needs an image.")));
        var image = copy.Images[0];
        return graph.PublishToInstagramAsync(copy.Account.Meta(), copy.Text, image.Url, image.AltText, cancellationToken);
    }

    public string? CommentsCannotBeClosed => null;

    public Task<SendResult> CloseCommentsAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return graph.DisableInstagramCommentsAsync(account.Meta(), platformPostId, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return graph.DeleteAsync(account.Meta(), platformPostId, cancellationToken);
    }
}
