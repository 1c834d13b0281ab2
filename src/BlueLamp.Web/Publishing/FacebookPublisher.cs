using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;

namespace BlueLamp.Web.Publishing;

/// <summary>Page posts through the Graph API: a feed post, or a photo post with the first image and its alt text.</summary>
public sealed class FacebookPublisher(MetaPublishingClient graph) : IPostPublisher
{
    public Platform Platform => Platform.Facebook;

    public Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var image = copy.Images.Count > 0 ? copy.Images[0] : null;
        return graph.PublishToPageAsync(new MetaAccountCredentials(Platform.Facebook, copy.Account.Handle, copy.Secret), copy.Text, image?.Url, image?.AltText, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(Account account, string secret, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return graph.DeleteAsync(new MetaAccountCredentials(Platform.Facebook, account.Handle, secret), platformPostId, cancellationToken);
    }
}
