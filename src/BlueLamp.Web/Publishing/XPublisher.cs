using BlueLamp.Channels.Common;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>Posts on X (text; images need X's media upload, which BlueLamp does not do yet).</summary>
public sealed class XPublisher(XPublishingClient x) : IPostPublisher
{
    public Platform Platform => Platform.X;

    public Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return x.CreatePostAsync(copy.Account.X(), copy.Text, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return x.DeletePostAsync(account.X(), platformPostId, cancellationToken);
    }
}
