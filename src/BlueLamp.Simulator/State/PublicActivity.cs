using System.Globalization;
using System.Text.Json;
using BlueLamp.Simulator.Bluesky;
using BlueLamp.Simulator.Delivery;
using BlueLamp.Simulator.Meta;
using BlueLamp.Simulator.X;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.State;

/// <summary>
/// What a member of the public does on a platform: send a DM, comment under a post, mention or reply to
/// the account. Each action is stored as the platform would store it and then pushed to BlueLamp as the
/// platform would: a signed webhook (Meta, X) or a notification waiting for the poller (Bluesky).
/// </summary>
public sealed class PublicActivity(
    SimulatorState state,
    MetaWebhooks meta,
    XActivityPayloads x,
    WebhookDelivery delivery,
    IOptions<SimulatorOptions> options)
{
    private readonly SimulatorOptions settings = options.Value;

    public async Task<ActivityResult> SendDirectMessageAsync(SimulatedPlatform platform, string personId, string text, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (Validate(platform, personId, text) is { } problem)
        {
            return ActivityResult.Failed(problem);
        }
        var id = platform switch
        {
            SimulatedPlatform.Facebook or SimulatedPlatform.Instagram => PlatformIds.NextMessageId(),
            SimulatedPlatform.X => state.Ids.NextSnowflake(),
            _ => state.Ids.NextChatId(),
        };
        var entry = state.Add(new SimulatedEntry
        {
            Id = id,
            Platform = platform,
            Kind = EntryKind.DirectMessage,
            ByAccount = false,
            PersonId = personId,
            Text = text,
            At = at ?? state.Clock.GetUtcNow(),
            ThreadId = state.ThreadFor(platform, personId),
        });
        WebhookRequest? webhook = platform switch
        {
            SimulatedPlatform.Facebook or SimulatedPlatform.Instagram => meta.Message(entry),
            SimulatedPlatform.X => x.DirectMessage(entry),
            _ => null, // Bluesky chat has no push: BlueLamp finds it with chat.bsky.convo.listConvos/getMessages.
        };
        return new ActivityResult(entry, webhook is null ? null : await delivery.DeliverAsync(webhook, cancellationToken), null);
    }

    /// <summary>A comment under one of the account's Facebook posts or Instagram media, or a reply to a comment there.</summary>
    public async Task<ActivityResult> CommentAsync(SimulatedPlatform platform, string personId, string? postId, string? parentCommentId, string text, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (platform is not (SimulatedPlatform.Facebook or SimulatedPlatform.Instagram))
        {
            return ActivityResult.Failed("Comments are simulated on Facebook and Instagram; on X and Bluesky reply with a mention.");
        }
        if (Validate(platform, personId, text) is { } problem)
        {
            return ActivityResult.Failed(problem);
        }
        SimulatedEntry? parent = null;
        if (parentCommentId is not null)
        {
            parent = state.Find(parentCommentId);
            if (parent is not { Kind: EntryKind.Comment } || parent.Platform != platform)
            {
                return ActivityResult.Failed($"There is no {platform} comment {parentCommentId}.");
            }
            postId = parent.ThreadId;
        }
        postId ??= LatestPost(platform)?.Id;
        if (postId is null || state.Find(postId) is not { Kind: EntryKind.Post } post || post.Platform != platform)
        {
            return ActivityResult.Failed($"There is no {platform} post {postId}.");
        }
        if (post.CommentsClosed)
        {
            return ActivityResult.Failed("Comments on this post have been turned off.");
        }
        var id = platform == SimulatedPlatform.Facebook
            ? $"{post.Id.Split('_')[^1]}_{state.Ids.NextGraphNumber()}"
            : "1790" + state.Ids.NextGraphNumber();
        var entry = state.Add(new SimulatedEntry
        {
            Id = id,
            Platform = platform,
            Kind = EntryKind.Comment,
            ByAccount = false,
            PersonId = personId,
            Text = text,
            At = at ?? state.Clock.GetUtcNow(),
            ThreadId = post.Id,
            ParentId = parent?.Id,
        });
        var webhook = platform == SimulatedPlatform.Facebook ? meta.FeedComment(entry, "add") : meta.InstagramComment(entry);
        return new ActivityResult(entry, await delivery.DeliverAsync(webhook, cancellationToken), null);
    }

    /// <summary>The person edits their Facebook comment (feed verb "edited").</summary>
    public async Task<ActivityResult> EditCommentAsync(string commentId, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ActivityResult.Failed("The text is empty.");
        }
        if (state.Find(commentId) is not { Kind: EntryKind.Comment, Platform: SimulatedPlatform.Facebook, ByAccount: false, Removed: false })
        {
            return ActivityResult.Failed($"There is no Facebook comment {commentId} by a member of the public.");
        }
        var edited = state.Update(commentId, c => c with { Text = text, Edited = true })!;
        return new ActivityResult(edited, await delivery.DeliverAsync(meta.FeedComment(edited, "edited"), cancellationToken), null);
    }

    /// <summary>The person deletes their Facebook comment (feed verb "remove").</summary>
    public async Task<ActivityResult> RemoveCommentAsync(string commentId, CancellationToken cancellationToken)
    {
        if (state.Find(commentId) is not { Kind: EntryKind.Comment, Platform: SimulatedPlatform.Facebook, ByAccount: false, Removed: false })
        {
            return ActivityResult.Failed($"There is no Facebook comment {commentId} by a member of the public.");
        }
        var removed = state.Update(commentId, c => c with { Removed = true })!;
        return new ActivityResult(removed, await delivery.DeliverAsync(meta.FeedComment(removed, "remove"), cancellationToken), null);
    }

    /// <summary>A public post on X or Bluesky that mentions the account or replies to one of its posts.</summary>
    public async Task<ActivityResult> MentionAsync(SimulatedPlatform platform, string personId, string text, string? inReplyTo, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (platform is not (SimulatedPlatform.X or SimulatedPlatform.Bluesky))
        {
            return ActivityResult.Failed("Mentions are simulated on X and Bluesky; on Facebook and Instagram comment under a post.");
        }
        if (Validate(platform, personId, text) is { } problem)
        {
            return ActivityResult.Failed(problem);
        }
        SimulatedEntry? parent = null;
        if (inReplyTo is not null)
        {
            parent = state.Find(inReplyTo);
            if (parent is null || parent.Platform != platform)
            {
                return ActivityResult.Failed($"There is no {platform} post {inReplyTo} to reply to.");
            }
            if (state.Find(parent.RootId ?? parent.Id)?.CommentsClosed == true || parent.CommentsClosed)
            {
                return ActivityResult.Failed("Replies to this post have been turned off.");
            }
        }
        var handle = "@" + state.AccountNameOf(platform);
        if (parent is null && !text.Contains(handle, StringComparison.OrdinalIgnoreCase))
        {
            text = $"{handle} {text}";
        }
        var when = at ?? state.Clock.GetUtcNow();
        SimulatedEntry entry;
        if (platform == SimulatedPlatform.X)
        {
            var id = state.Ids.NextSnowflake();
            entry = state.Add(new SimulatedEntry
            {
                Id = id,
                Platform = platform,
                Kind = EntryKind.Mention,
                ByAccount = false,
                PersonId = personId,
                Text = text,
                At = when,
                ParentId = parent?.Id,
                ThreadId = parent?.ThreadId ?? id,
            });
            return new ActivityResult(entry, await delivery.DeliverAsync(x.TweetCreate(entry), cancellationToken), null);
        }
        var uri = $"at://{personId}/app.bsky.feed.post/{state.Ids.NextTid()}";
        var facets = BlueskyFacets.MentionsIn(text, DidOfHandle);
        var root = parent is null ? null : state.Find(parent.RootId ?? parent.Id);
        entry = state.Add(new SimulatedEntry
        {
            Id = uri,
            Platform = platform,
            Kind = EntryKind.Mention,
            ByAccount = false,
            PersonId = personId,
            Text = text,
            At = when,
            Cid = PlatformIds.CidFor(uri + text + when.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ParentId = parent?.Id,
            ParentCid = parent?.Cid,
            RootId = root?.Id,
            RootCid = root?.Cid,
            ThreadId = root?.Id ?? uri,
            Facets = facets.GetArrayLength() > 0 ? facets : (JsonElement?)null,
        });
        // No push on Bluesky: the notification waits for app.bsky.notification.listNotifications.
        return new ActivityResult(entry, null, null);
    }

    private string? DidOfHandle(string handle)
    {
        if (string.Equals(handle, settings.Bluesky.Handle, StringComparison.OrdinalIgnoreCase))
        {
            return settings.Bluesky.Did;
        }
        return state.People(SimulatedPlatform.Bluesky).FirstOrDefault(p => string.Equals(p.Username, handle, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private SimulatedEntry? LatestPost(SimulatedPlatform platform)
    {
        var posts = state.Entries(e => e.Platform == platform && e.Kind == EntryKind.Post && !e.Removed);
        return posts.Count > 0 ? posts[^1] : null;
    }

    private string? Validate(SimulatedPlatform platform, string personId, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The text is empty.";
        }
        return state.FindPerson(platform, personId) is null ? $"There is no {platform} person {personId}." : null;
    }
}
