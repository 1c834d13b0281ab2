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

    /// <summary>A threadgate with an empty allow list (nobody can reply) that also hides the replies already there.</summary>
    public Task<SendResult> CloseCommentsAsync(ConnectedAccount account, string platformPostId, IReadOnlyList<string> hiddenReplies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return bluesky.CloseRepliesAsync(account.Bluesky(), platformPostId, hiddenReplies, cancellationToken);
    }

    /// <summary>The threadgate is deleted: anyone may reply again, and the replies it hid are shown.</summary>
    public Task<SendResult> OpenCommentsAsync(ConnectedAccount account, string platformPostId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return bluesky.OpenRepliesAsync(account.Bluesky(), platformPostId, cancellationToken);
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
