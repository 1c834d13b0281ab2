using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Bluesky posts through createRecord with facets, the language tag and the images (uploadBlob, then
/// app.bsky.embed.images with their alt text), taken down with deleteRecord.
/// </summary>
public sealed class BlueskyPublisher(BlueskyClient bluesky, ImageDownloader images) : IPostPublisher
{
    public Platform Platform => Platform.Bluesky;

    public async Task<SendResult> PublishAsync(CopyToSend copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var language = copy.Language == PostLanguage.Welsh ? "cy" : "en";
        var (uploads, failure) = await ImagesForUpload.ReadAsync(images, copy.Images, BlueskyClient.MaxImageBytes, "Bluesky", cancellationToken);
        return failure ?? await bluesky.CreatePostAsync(copy.Account.Bluesky(), copy.Text, replyTo: null, [language], uploads, cancellationToken);
    }

    public string? CommentsOnlyHidden => null;

    public int MostRepliesHiddenOnClosing => BlueskyClient.MaxHiddenReplies;

    /// <summary>
    /// The post's threadgate, merged with what the account set in the app: nobody can reply while the hold lasts, the
    /// replies already there are hidden beside the account's own hidden ones, and the account's allow rules are kept to restore.
    /// </summary>
    public async Task<CommentsClosing> CloseCommentsAsync(ConnectedAccount account, string platformPostId, IReadOnlyList<string> hiddenReplies, string? earlierUndo,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var written = await bluesky.CloseRepliesAsync(account.Bluesky(), platformPostId, hiddenReplies, BlueskyThreadgateHold.Parse(earlierUndo), cancellationToken);
        return new CommentsClosing(written.Result, written.Hold?.HiddenAdded ?? [], written.Hold?.ToJson() ?? earlierUndo);
    }

    /// <summary>Only what the hold changed is undone: the replies it hid are shown and the account's allow rules come back.</summary>
    public Task<SendResult> OpenCommentsAsync(ConnectedAccount account, string platformPostId, string? undo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return bluesky.OpenRepliesAsync(account.Bluesky(), platformPostId, BlueskyThreadgateHold.Parse(undo), cancellationToken);
    }

    public Task<SendResult> HideCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Failed(PlatformFailure.Refused("Replies under a Bluesky post are hidden by its threadgate, not one by one.")));

    public Task<SendResult> ShowCommentAsync(ConnectedAccount account, string commentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Failed(PlatformFailure.Refused("Replies under a Bluesky post are shown again by removing its threadgate.")));

    public Task<SendResult> DeleteAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return bluesky.DeletePostAsync(account.Bluesky(), platformPostId, cancellationToken);
    }
}
