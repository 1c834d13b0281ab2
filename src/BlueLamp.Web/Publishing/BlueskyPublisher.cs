using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;
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
        return bluesky.CreatePostAsync(copy.Account.Bluesky(), copy.Text, replyTo: null, [language], cancellationToken);
    }

    public string? CommentsCannotBeClosed => null;

    /// <summary>A threadgate with an empty allow list: nobody can reply.</summary>
    public Task<SendResult> CloseCommentsAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return bluesky.CloseRepliesAsync(account.Bluesky(), platformPostId, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return bluesky.DeletePostAsync(account.Bluesky(), platformPostId, cancellationToken);
    }
}
