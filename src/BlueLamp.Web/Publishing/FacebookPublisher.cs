using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Page posts through the Graph API: a feed post, a photo post, or several photos (each with its alt text) on one
/// feed post. Comments cannot be turned off on a Page post, so they are held by hiding each one.
/// </summary>
public sealed class FacebookPublisher(MetaPublishingClient graph, MetaGraphClient comments) : IPostPublisher
{
    public Platform Platform => Platform.Facebook;

    public Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return graph.PublishToPageAsync(copy.Account.Meta(), copy.Text, copy.Images, cancellationToken);
    }

    /// <summary>The Graph API has no setting to turn comments off on a Page post; single comments can be hidden.</summary>
    public string? CommentsOnlyHidden =>
        "Facebook cannot turn comments off on a Page post through its API, so BlueLamp hides every comment under it instead: those already there now, and each new one as it reaches the desk. A hidden comment is still seen by its author and their friends; the desk keeps it.";

    public Task<SendResult> HideCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return comments.SetCommentHiddenAsync(account.Meta(), commentId, hidden: true, cancellationToken);
    }

    public Task<SendResult> ShowCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return comments.SetCommentHiddenAsync(account.Meta(), commentId, hidden: false, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return graph.DeleteAsync(account.Meta(), platformPostId, cancellationToken);
    }
}
