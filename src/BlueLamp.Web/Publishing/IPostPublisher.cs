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
}
