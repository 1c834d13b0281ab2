using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>Page posts through the Graph API: a feed post, or a photo post with the first image and its alt text.</summary>
public sealed class FacebookPublisher(MetaPublishingClient graph) : IPostPublisher
{
    public Platform Platform => Platform.Facebook;

    public Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var image = copy.Images.Count > 0 ? copy.Images[0] : null;
        return graph.PublishToPageAsync(copy.Account.Meta(), copy.Text, image?.Url, image?.AltText, cancellationToken);
    }

    /// <summary>The Graph API has no setting to turn comments off on a Page post, only single comments can be hidden.</summary>
    public string? CommentsCannotBeClosed =>
        "Facebook offers no way to turn comments off on a Page post through its API: hide new comments on the desk as they arrive, or limit them by hand in Meta Business Suite.";

    public Task<SendResult> CloseCommentsAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Failed(PlatformFailure.Refused(CommentsCannotBeClosed!)));

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return graph.DeleteAsync(account.Meta(), platformPostId, cancellationToken);
    }
}
