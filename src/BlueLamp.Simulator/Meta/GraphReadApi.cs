using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// The Graph reads BlueLamp reconciles with: a Page's or Instagram account's conversations with their
/// messages, its posts or media, and any single node (conversation, message, comment, post) by id.
/// </summary>
public sealed class GraphReadApi(SimulatorState state, GraphGate gate, GraphCommentsApi comments, IOptions<SimulatorOptions> options)
{
    private readonly MetaAccountOptions meta = options.Value.Meta;

    /// <summary>GET /{page-id}/conversations[?platform=instagram][&amp;user_id=] or /{ig-id}/conversations.</summary>
    public async Task<IResult> ConversationsAsync(HttpRequest request, string id)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        SimulatedPlatform? platform = id == meta.InstagramAccountId || ((id == meta.PageId || id == "me") && parameters.String("platform") == "instagram")
            ? SimulatedPlatform.Instagram
            : id == meta.PageId || id == "me" ? SimulatedPlatform.Facebook : null;
        if (await gate.CheckAsync(request, parameters, platform ?? SimulatedPlatform.Facebook, sendApi: false) is { } refused)
        {
            return refused;
        }
        if (platform is not { } target)
        {
            return GraphErrors.UnknownGetObject(id);
        }
        var userId = parameters.String("user_id");
        var threads = state.Entries(e => e.Platform == target && e.Kind == EntryKind.DirectMessage && (userId is null || e.PersonId == userId))
            .GroupBy(e => e.ThreadId!)
            .Select(g => (Thread: g.Key, Person: g.First().PersonId!, Messages: g.ToList()))
            .OrderByDescending(t => t.Messages[^1].At)
            .ToList();
        var fields = GraphFields.Parse(parameters.String("fields")).OrDefaults("id", "updated_time");
        return new PlatformJson(200, GraphPage.Of(
            threads,
            t => Conversation(target, t.Thread, t.Person, t.Messages, fields, request),
            GraphPage.LimitFrom(parameters.String("limit")),
            parameters.String("after"),
            request));
    }

    /// <summary>GET /{page-id}/feed|published_posts and /{ig-id}/media: the account's own posts, newest first.</summary>
    public async Task<IResult> PostsAsync(HttpRequest request, string id)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        SimulatedPlatform? platform = id == meta.InstagramAccountId ? SimulatedPlatform.Instagram
            : id == meta.PageId || id == "me" ? SimulatedPlatform.Facebook : null;
        if (await gate.CheckAsync(request, parameters, platform ?? SimulatedPlatform.Facebook, sendApi: false) is { } refused)
        {
            return refused;
        }
        if (platform is not { } target)
        {
            return GraphErrors.UnknownGetObject(id);
        }
        var posts = state.Entries(e => e.Platform == target && e.Kind == EntryKind.Post && !e.Removed).Reverse().ToList();
        var fields = GraphFields.Parse(parameters.String("fields"));
        return new PlatformJson(200, GraphPage.Of(
            posts,
            p => Post(p, fields),
            GraphPage.LimitFrom(parameters.String("limit")),
            parameters.String("after"),
            request));
    }

    /// <summary>GET /{id}: a conversation, message, comment or post node.</summary>
    public async Task<IResult> NodeAsync(HttpRequest request, string id)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        var entry = state.Find(id);
        var threadPlatform = entry is null ? ThreadPlatform(id) : null;
        var platform = entry?.Platform ?? threadPlatform ?? SimulatedPlatform.Facebook;
        if (await gate.CheckAsync(request, parameters, platform, sendApi: false) is { } refused)
        {
            return refused;
        }
        var fields = GraphFields.Parse(parameters.String("fields"));
        if (threadPlatform is { } tp)
        {
            var messages = state.Entries(e => e.Platform == tp && e.Kind == EntryKind.DirectMessage && e.ThreadId == id).ToList();
            var person = state.PersonInThread(tp, id)!;
            return new PlatformJson(200, Conversation(tp, id, person, messages, fields.OrDefaults("id", "updated_time"), request));
        }
        if (entry is null || entry.Platform is not (SimulatedPlatform.Facebook or SimulatedPlatform.Instagram))
        {
            return GraphErrors.UnknownGetObject(id);
        }
        return entry.Kind switch
        {
            EntryKind.DirectMessage => new PlatformJson(200, Message(entry, fields.OrDefaults("id", "created_time"))),
            EntryKind.Comment when entry.Platform == SimulatedPlatform.Facebook => new PlatformJson(200, comments.FacebookComment(entry, fields.OrDefaults("created_time", "from", "message", "id"))),
            EntryKind.Comment => new PlatformJson(200, comments.InstagramComment(entry, fields.OrDefaults("timestamp", "text", "id"))),
            _ => new PlatformJson(200, Post(entry, fields)),
        };
    }

    private SimulatedPlatform? ThreadPlatform(string id)
    {
        foreach (var platform in new[] { SimulatedPlatform.Facebook, SimulatedPlatform.Instagram })
        {
            if (state.PersonInThread(platform, id) is not null)
            {
                return platform;
            }
        }
        return null;
    }

    private Dictionary<string, object?> Conversation(SimulatedPlatform platform, string threadId, string personId, List<SimulatedEntry> messages, GraphFields fields, HttpRequest request)
    {
        var person = state.FindPerson(platform, personId);
        // Graph lists a thread's messages newest first.
        var newestFirst = messages.AsEnumerable().Reverse().ToList();
        var messageFields = fields.SubFields("messages") ?? GraphFields.Of("id", "created_time");
        return fields.Select(new Dictionary<string, Func<object?>>
        {
            ["id"] = () => threadId,
            ["updated_time"] = () => GraphTime.Format(messages.Count > 0 ? messages[^1].At : state.Clock.GetUtcNow()),
            ["link"] = () => platform == SimulatedPlatform.Facebook ? $"/{meta.PageId}/inbox/{threadId}/" : null,
            ["message_count"] = () => messages.Count,
            ["unread_count"] = () => 0,
            ["can_reply"] = () => true,
            ["participants"] = () => new { data = new[] { Participant(platform, person), Participant(platform, null) } },
            ["messages"] = () => GraphPage.Of(newestFirst, m => Message(m, messageFields), fields.LimitOf("messages") ?? GraphPage.DefaultLimit, null, null),
        });
    }

    private Dictionary<string, object?> Message(SimulatedEntry message, GraphFields fields)
    {
        var person = state.FindPerson(message.Platform, message.PersonId!);
        var from = Participant(message.Platform, message.ByAccount ? null : person);
        var to = Participant(message.Platform, message.ByAccount ? person : null);
        return fields.Select(new Dictionary<string, Func<object?>>
        {
            ["id"] = () => message.Id,
            ["created_time"] = () => GraphTime.Format(message.At),
            ["message"] = () => message.Text,
            ["from"] = () => from,
            ["to"] = () => new { data = new[] { to } },
        });
    }

    /// <summary>A participant as Graph shows it: Messenger people with name, email and id; Instagram with username and id. Null person: the account.</summary>
    private object Participant(SimulatedPlatform platform, SimulatedPerson? person)
    {
        if (platform == SimulatedPlatform.Instagram)
        {
            return person is null
                ? new Dictionary<string, object?> { ["username"] = meta.InstagramUsername, ["id"] = meta.InstagramAccountId }
                : new Dictionary<string, object?> { ["username"] = person.Username, ["id"] = person.Id };
        }
        return person is null
            ? new Dictionary<string, object?> { ["name"] = meta.PageName, ["email"] = $"{meta.PageId}@facebook.com", ["id"] = meta.PageId }
            : new Dictionary<string, object?> { ["name"] = person.Name, ["email"] = $"{person.Id}@facebook.com", ["id"] = person.Id };
    }

    private Dictionary<string, object?> Post(SimulatedEntry post, GraphFields fields)
    {
        if (post.Platform == SimulatedPlatform.Instagram)
        {
            return fields.OrDefaults("id").Select(new Dictionary<string, Func<object?>>
            {
                ["id"] = () => post.Id,
                ["caption"] = () => post.Text,
                ["timestamp"] = () => GraphTime.Format(post.At),
                ["media_type"] = () => "IMAGE",
                ["media_product_type"] = () => "FEED",
                ["username"] = () => meta.InstagramUsername,
                ["permalink"] = () => $"https://www.instagram.com/p/{post.Id[^8..]}/",
                ["comments_count"] = () => state.Entries(e => e.ThreadId == post.Id && e.Kind == EntryKind.Comment && !e.Removed).Count,
                // Field expansion, as Graph allows: media?fields=comments.limit(n){…,replies{…}}, top-level comments with their replies.
                ["comments"] = () => GraphPage.Of(
                    state.Entries(e => e.ThreadId == post.Id && e.Kind == EntryKind.Comment && !e.Removed && e.ParentId is null).Reverse().ToList(),
                    c => comments.InstagramComment(c, fields.SubFields("comments") ?? GraphFields.Of("timestamp", "text", "id")),
                    fields.LimitOf("comments") ?? GraphPage.DefaultLimit, null, null),
            });
        }
        return fields.OrDefaults("created_time", "message", "id").Select(new Dictionary<string, Func<object?>>
        {
            ["id"] = () => post.Id,
            ["message"] = () => post.Text,
            ["created_time"] = () => GraphTime.Format(post.At),
            ["updated_time"] = () => GraphTime.Format(post.At),
            ["permalink_url"] = () => $"https://www.facebook.com/{meta.PageId}/posts/{post.Id.Split('_')[^1]}",
            ["from"] = () => new { name = meta.PageName, id = meta.PageId },
            // Field expansion: posts?fields=comments.filter(stream).limit(n){…}, every comment and reply under the post, newest first.
            ["comments"] = () => GraphPage.Of(
                state.Entries(e => e.ThreadId == post.Id && e.Kind == EntryKind.Comment && !e.Removed).Reverse().ToList(),
                c => comments.FacebookComment(c, fields.SubFields("comments") ?? GraphFields.Of("created_time", "from", "message", "id")),
                fields.LimitOf("comments") ?? GraphPage.DefaultLimit, null, null),
        });
    }
}
