using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>Bluesky posts through createRecord with facets and the language tag, taken down with deleteRecord.</summary>
public sealed class BlueskyPublisher(BlueskyClient bluesky) : IPostPublisher
{
    public Platform Platform => Platform.Bluesky;

    public Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var language = copy.Language == PostLanguage.Welsh ? "cy" : "en";
        return bluesky.CreatePostAsync(new BlueskyCredentials(copy.Account.Handle, copy.Secret), copy.Text, replyTo: null, [language], cancellationToken);
    }

    public Task<SendResult> DeleteAsync(Account account, string secret, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return bluesky.DeletePostAsync(new BlueskyCredentials(account.Handle, secret), platformPostId, cancellationToken);
    }
}
