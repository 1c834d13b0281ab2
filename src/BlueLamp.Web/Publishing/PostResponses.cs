using BlueLamp.Channels.Common;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Ties what the public sends to the force's own posts: a comment or reply under a published copy (found at intake by
/// the account and the platform's post id), a DM that shares a copy's link, or a DM an operator links by hand. That is
/// how triage reads a sighting under a missing-person appeal as urgent, and how the force counts what an appeal achieved.
/// </summary>
public sealed class PostResponses(BlueLampDbFactory dbs, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// The post <paramref name="inbound"/> responds to, with one indexed lookup: by (account, platform post id) for a
    /// comment, reply or mention; by the stored link for a DM that shares one. Null, without a query, when the message
    /// names no post.
    /// </summary>
    public static async Task<RespondedPost?> FindAsync(BlueLampDb db, InboundMessage inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.Kind == ConversationKind.DirectMessage)
        {
            var links = SharedPostLinks.In(inbound.Text);
            if (links.Count == 0)
                return null;
            var shared = await db.PostCopies.AsNoTracking()
                .Where(c => c.Link != null && links.Contains(c.Link))
                .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { p.Id, p.Purpose })
                .FirstOrDefaultAsync(cancellationToken);
            return shared is null ? null : new RespondedPost(shared.Id, shared.Purpose, PostLinkSource.SharedLink);
        }
        string?[] candidates = [inbound.ParentPostId, inbound.ThreadRootPostId];
        var ids = candidates.OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
            return null;
        var under = await db.PostCopies.AsNoTracking()
            .Where(c => c.AccountId == inbound.AccountId && c.PlatformPostId != null && ids.Contains(c.PlatformPostId))
            .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { p.Id, p.Purpose })
            .FirstOrDefaultAsync(cancellationToken);
        return under is null ? null : new RespondedPost(under.Id, under.Purpose, PostLinkSource.Comment);
    }

    /// <summary>The post the conversation responds to, for the desk; null when it is linked to none.</summary>
    public async Task<PostLinkView?> ForConversationAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var link = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId && c.RespondsToPostId != null)
            .Select(c => new { PostId = c.RespondsToPostId!.Value, c.RespondsToSource, c.RespondsToLinkedByName, c.RespondsToLinkedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (link is null)
            return null;
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == link.PostId, cancellationToken);
        var reference = await db.Appeals.AsNoTracking().Where(a => a.PostId == link.PostId).Select(a => a.CaseReference).SingleOrDefaultAsync(cancellationToken);
        return new PostLinkView(post.Id, post.Purpose, reference, TitleOf(post), link.RespondsToSource ?? PostLinkSource.Comment,
            link.RespondsToLinkedByName ?? "", link.RespondsToLinkedAt ?? default);
    }

    /// <summary>Appeals that are published and whose case is still open, newest first: what a DM may be linked to.</summary>
    public async Task<IReadOnlyList<AppealChoice>> OpenAppealsAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var appeals = await db.Appeals.AsNoTracking()
            .Where(a => a.CaseStatus != CaseStatus.Found && a.CaseStatus != CaseStatus.Closed)
            .Join(db.Posts.Where(p => p.Status == PostStatus.Published), a => a.PostId, p => p.Id, (a, p) => new { a.CaseReference, Post = p })
            .ToListAsync(cancellationToken);
        return appeals.OrderByDescending(a => a.Post.PublishedAt)
            .Select(a => new AppealChoice(a.Post.Id, a.Post.Purpose, a.CaseReference, TitleOf(a.Post))).ToList();
    }

    /// <summary>
    /// An operator links the conversation to a post (or removes the link, with <paramref name="postId"/> null); audited
    /// in the same transaction. Null when done, else why not.
    /// </summary>
    public async Task<string?> LinkAsync(DeskUser user, Guid conversationId, Guid? postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return "That conversation does not exist.";
        AuditEntry entry;
        if (postId is { } id)
        {
            var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (post is null || post.Status != PostStatus.Published)
                return "Choose one of the force's published posts.";
            var reference = await db.Appeals.AsNoTracking().Where(a => a.PostId == id).Select(a => a.CaseReference).SingleOrDefaultAsync(cancellationToken);
            var previous = conversation.RespondsToPostId;
            if (!conversation.RespondTo(id, PostLinkSource.Operator, user.DisplayName, time.GetUtcNow()))
                return "The conversation is already linked to that post.";
            entry = new AuditEntry(AuditActions.ConversationLinkedToPost, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"),
                $"linked to {post.Purpose.Describe()} {id:D}{(reference is null ? "" : $" (case {reference})")}{(previous is null ? "" : $", was {previous:D}")}");
        }
        else
        {
            var previous = conversation.RespondsToPostId;
            if (!conversation.RemovePostLink())
                return "The conversation is not linked to a post.";
            entry = new AuditEntry(AuditActions.ConversationPostLinkRemoved, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"),
                $"no longer linked to post {previous:D}");
        }
        try
        {
            await audit.SaveWithAuditAsync(db, entry, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "The conversation changed at the same moment: try again.";
        }
        return null;
    }

    /// <summary>
    /// The responses to a post (null when the post does not exist or is not theirs to see). Counts for anyone who may see the post; the list (names and words of the public) only
    /// for comms officers and supervisors, and reading it is audited.
    /// </summary>
    public async Task<PostResponseSummary?> ForPostAsync(PostActor actor, Guid postId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var authorId = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => p.AuthorId).SingleOrDefaultAsync(cancellationToken);
        if (authorId is null || !(actor.IsCommsOfficer || actor.IsSupervisor || authorId == actor.UserId))
            return null;
        var rows = await db.Conversations.AsNoTracking().Where(c => c.RespondsToPostId == postId)
            .Join(db.Accounts, c => c.AccountId, a => a.Id, (c, a) => new { Conversation = c, a.Platform, a.DisplayName })
            .Join(db.People, x => x.Conversation.PersonId, p => p.Id, (x, p) => new { x.Conversation, x.Platform, x.DisplayName, PersonName = p.DisplayName })
            .ToListAsync(cancellationToken);
        var byPlatform = rows.GroupBy(r => r.Platform).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var useful = rows.Count(r => r.Conversation.OutcomeCode == Outcome.InformationPassed.Code);
        IReadOnlyList<PostResponseView> list = [];
        if ((actor.IsCommsOfficer || actor.IsSupervisor) && rows.Count > 0)
        {
            list = rows.OrderByDescending(r => r.Conversation.LastMessageAt)
                .Select(r => new PostResponseView(r.Conversation.Id, r.Platform, r.DisplayName, r.PersonName, r.Conversation.Kind,
                    r.Conversation.RespondsToSource ?? PostLinkSource.Comment, r.Conversation.Preview, r.Conversation.LastMessageAt,
                    r.Conversation.Status, r.Conversation.OutcomeCode))
                .ToList();
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostResponsesViewed, actor.UserId, actor.DisplayName, "post", postId.ToString("D"),
                $"{list.Count} responses listed"), cancellationToken);
        }
        return new PostResponseSummary(rows.Count, byPlatform, useful, list);
    }

    /// <summary>Responses to each of <paramref name="postIds"/> by the account they came in on, in one grouped query.</summary>
    public static async Task<IReadOnlyDictionary<(Guid PostId, Guid AccountId), ResponseCount>> CountsAsync(BlueLampDb db, IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(postIds);
        if (postIds.Count == 0)
            return new Dictionary<(Guid, Guid), ResponseCount>();
        var useful = Outcome.InformationPassed.Code;
        var counts = await db.Conversations.AsNoTracking()
            .Where(c => c.RespondsToPostId != null && postIds.Contains(c.RespondsToPostId.Value))
            .GroupBy(c => new { PostId = c.RespondsToPostId!.Value, c.AccountId })
            .Select(g => new { g.Key.PostId, g.Key.AccountId, Total = g.Count(), Useful = g.Count(c => c.OutcomeCode == useful) })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => (c.PostId, c.AccountId), c => new ResponseCount(c.Total, c.Useful));
    }

    internal static string TitleOf(Post post) => PostDesk.Excerpt((post.ApprovedContent ?? post.Content).Body);
}
