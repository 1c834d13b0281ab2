using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// Comments through the Graph API: the Page or Instagram account replying (POST {id}/comments, POST
/// {ig-comment-id}/replies) and listing them for reconciliation (GET {id}/comments, GET {ig-comment-id}/replies).
/// </summary>
public sealed class GraphCommentsApi(SimulatorState state, GraphGate gate, AccountEchoes echoes, IOptions<SimulatorOptions> options)
{
    private readonly MetaAccountOptions meta = options.Value.Meta;

    /// <summary>POST /{post-or-comment-id}/comments (Facebook), POST /{ig-media-id}/comments and /{ig-comment-id}/replies (Instagram).</summary>
    public async Task<IResult> ReplyAsync(HttpRequest request, string id, bool repliesEdge)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        var target = state.Find(id);
        if (await gate.CheckAsync(request, parameters, target?.Platform ?? SimulatedPlatform.Facebook, sendApi: false) is { } refused)
        {
            return refused;
        }
        var fitsEdge = target is { Removed: false } && (repliesEdge
            ? target is { Platform: SimulatedPlatform.Instagram, Kind: EntryKind.Comment }
            : target.Platform is SimulatedPlatform.Facebook or SimulatedPlatform.Instagram && target.Kind is EntryKind.Post or EntryKind.Comment
              && !(target.Platform == SimulatedPlatform.Instagram && target.Kind == EntryKind.Comment));
        if (!fitsEdge || target is null)
        {
            return GraphErrors.UnknownObject(id);
        }
        var text = parameters.String("message");
        if (string.IsNullOrWhiteSpace(text))
        {
            return GraphErrors.InvalidParameter("The parameter message is required");
        }
        var postId = target.Kind == EntryKind.Post ? target.Id : target.ThreadId!;
        // Both platforms thread one level deep: a reply to a reply joins the top-level comment's thread.
        var parentId = target.Kind == EntryKind.Comment ? target.ParentId ?? target.Id : null;
        var newId = target.Platform == SimulatedPlatform.Facebook
            ? $"{postId.Split('_')[^1]}_{state.Ids.NextGraphNumber()}"
            : "1790" + state.Ids.NextGraphNumber();
        var reply = state.Add(new SimulatedEntry
        {
            Id = newId,
            Platform = target.Platform,
            Kind = EntryKind.Comment,
            ByAccount = true,
            ViaApi = true,
            PersonId = target.Kind == EntryKind.Comment ? target.PersonId : null,
            Text = text,
            At = state.Clock.GetUtcNow(),
            ThreadId = postId,
            ParentId = parentId,
        });
        echoes.After(reply);
        return new PlatformJson(200, new { id = reply.Id });
    }

    /// <summary>
    /// POST /{comment-id} with is_hidden (Facebook) or hide (Instagram): the account hides a comment under its own post,
    /// or shows it again. Answers {"success":true}, as Graph does.
    /// </summary>
    public async Task<IResult> SetHiddenAsync(HttpRequest request, SimulatedEntry comment, GraphParameters parameters)
    {
        if (await gate.CheckAsync(request, parameters, comment.Platform, sendApi: false) is { } refused)
        {
            return refused;
        }
        var name = comment.Platform == SimulatedPlatform.Instagram ? "hide" : "is_hidden";
        if (parameters.String(name) is not ("true" or "false") || comment.Removed)
        {
            return comment.Removed ? GraphErrors.UnknownObject(comment.Id) : GraphErrors.InvalidParameter($"The parameter {name} must be true or false");
        }
        if (comment.ByAccount || state.Find(comment.ThreadId ?? "") is not { ByAccount: true, Kind: EntryKind.Post })
        {
            return GraphErrors.Error(403, "(#200) The user does not have permission to hide this comment", 200, type: "OAuthException");
        }
        state.Update(comment.Id, e => e with { Hidden = parameters.String(name) == "true" });
        return new PlatformJson(200, new { success = true });
    }

    /// <summary>GET /{post-id}/comments, /{comment-id}/comments (Facebook), /{ig-media-id}/comments, /{ig-comment-id}/replies (Instagram).</summary>
    public async Task<IResult> ListAsync(HttpRequest request, string id, bool repliesEdge)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        var target = state.Find(id);
        if (await gate.CheckAsync(request, parameters, target?.Platform ?? SimulatedPlatform.Facebook, sendApi: false) is { } refused)
        {
            return refused;
        }
        var isInstagramComment = target is { Platform: SimulatedPlatform.Instagram, Kind: EntryKind.Comment };
        if (target is null || target.Platform is not (SimulatedPlatform.Facebook or SimulatedPlatform.Instagram)
            || target.Kind is not (EntryKind.Post or EntryKind.Comment) || repliesEdge != isInstagramComment)
        {
            return GraphErrors.UnknownGetObject(id);
        }
        var platform = target.Platform;
        var stream = parameters.String("filter") == "stream" && target.Kind == EntryKind.Post;
        var comments = state.Entries(e => e.Platform == platform && e.Kind == EntryKind.Comment && !e.Removed
            && (target.Kind == EntryKind.Post
                ? e.ThreadId == target.Id && (stream || e.ParentId is null)
                : e.ParentId == target.Id));
        if (parameters.String("order") == "reverse_chronological")
        {
            comments = [.. comments.Reverse()];
        }
        var fields = GraphFields.Parse(parameters.String("fields"));
        var render = platform == SimulatedPlatform.Facebook
            ? (Func<SimulatedEntry, object?>)(c => FacebookComment(c, fields.OrDefaults("created_time", "from", "message", "id")))
            : c => InstagramComment(c, fields.OrDefaults("timestamp", "text", "id"));
        return new PlatformJson(200, GraphPage.Of(comments, render, GraphPage.LimitFrom(parameters.String("limit")), parameters.String("after"), request));
    }

    /// <summary>A Facebook comment node with the fields asked for.</summary>
    public Dictionary<string, object?> FacebookComment(SimulatedEntry comment, GraphFields fields)
    {
        var parent = comment.ParentId is null ? null : state.Find(comment.ParentId);
        return fields.Select(new Dictionary<string, Func<object?>>
        {
            ["id"] = () => comment.Id,
            ["message"] = () => comment.Text,
            ["created_time"] = () => GraphTime.Format(comment.At),
            ["from"] = () => comment.ByAccount
                ? new { name = meta.PageName, id = meta.PageId }
                : new { name = state.FindPerson(SimulatedPlatform.Facebook, comment.PersonId!)?.Name ?? "", id = comment.PersonId! },
            ["parent"] = () => parent is null ? null : FacebookComment(parent, GraphFields.Of("created_time", "from", "message", "id")),
            ["comment_count"] = () => state.Entries(e => e.ParentId == comment.Id && !e.Removed).Count,
            ["can_reply_privately"] = () => !comment.ByAccount && state.Entries(e => e.SendMode == "PRIVATE_REPLY" && e.ParentId == comment.Id).Count == 0,
            ["is_hidden"] = () => comment.Hidden,
            ["permalink_url"] = () => $"https://www.facebook.com/{meta.PageId}/posts/{comment.ThreadId!.Split('_')[^1]}?comment_id={comment.Id.Split('_')[^1]}",
            ["object"] = () => new { id = comment.ThreadId },
        });
    }

    /// <summary>An Instagram comment node with the fields asked for.</summary>
    public Dictionary<string, object?> InstagramComment(SimulatedEntry comment, GraphFields fields)
    {
        var username = comment.ByAccount ? meta.InstagramUsername : state.FindPerson(SimulatedPlatform.Instagram, comment.PersonId!)?.Username ?? "";
        return fields.Select(new Dictionary<string, Func<object?>>
        {
            ["id"] = () => comment.Id,
            ["text"] = () => comment.Text,
            ["timestamp"] = () => GraphTime.Format(comment.At),
            ["username"] = () => username,
            ["from"] = () => new { id = comment.ByAccount ? meta.InstagramAccountId : comment.PersonId, username },
            ["parent_id"] = () => comment.ParentId,
            ["like_count"] = () => 0,
            ["hidden"] = () => comment.Hidden,
            ["media"] = () => new { id = comment.ThreadId, media_product_type = "FEED" },
            ["replies"] = () => new
            {
                data = state.Entries(e => e.ParentId == comment.Id && !e.Removed)
                    .Select(r => InstagramComment(r, fields.SubFields("replies") ?? GraphFields.Of("timestamp", "text", "id"))).ToList(),
            },
        });
    }
}
