using System.Globalization;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>
/// app.bsky.notification.listNotifications (newest first; the cursor pages towards older ones) and updateSeen.
/// A post by someone else that replies to the account's post is a "reply"; one that names the account, a "mention".
/// </summary>
public sealed class BlueskyNotificationsApi(SimulatorState state, XrpcGate gate, BlueskyViews views, IOptions<SimulatorOptions> options)
{
    private readonly BlueskyAccountOptions account = options.Value.Bluesky;
    private readonly Lock seenLock = new();
    private DateTimeOffset? seenAt;

    public async Task<IResult> ListAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        var query = request.Query;
        var limit = 50;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return XrpcErrors.InvalidRequest("limit must be an integer between 1 and 100");
        }
        var seen = SeenAt();
        var cursor = BlueskyCursor.Decode(query["cursor"].ToString());
        if (query.ContainsKey("cursor") && cursor is null && query["cursor"].ToString().Length > 0)
        {
            return XrpcErrors.InvalidRequest("Malformed cursor");
        }
        var reasons = query["reasons"].Where(r => !string.IsNullOrEmpty(r)).SelectMany(r => r!.Split(',')).ToHashSet();
        var all = state.Entries(e => e.Platform == SimulatedPlatform.Bluesky && e.Kind == EntryKind.Mention && !e.ByAccount && !e.Removed)
            .Select(e => (Entry: e, Reason: ReasonFor(e)))
            .Where(n => n.Reason is not null && (reasons.Count == 0 || reasons.Contains(n.Reason)))
            .Reverse()
            .Where(n => cursor is not { } c || BlueskyCursor.IsBelow(n.Entry.At, n.Entry.Sequence, c))
            .ToList();
        var page = all.Take(limit).ToList();
        var result = new Dictionary<string, object?>();
        if (all.Count > page.Count)
        {
            result["cursor"] = BlueskyCursor.Encode(page[^1].Entry.At, page[^1].Entry.Sequence);
        }
        result["notifications"] = page.Select(n => Notification(n.Entry, n.Reason!, seen)).ToList();
        result["priority"] = false;
        if (seen is { } seenTime)
        {
            result["seenAt"] = BlueskyViews.Time(seenTime);
        }
        return new PlatformJson(200, result);
    }

    /// <summary>POST app.bsky.notification.updateSeen {seenAt}: notifications up to then read as isRead.</summary>
    public async Task<IResult> UpdateSeenAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        var body = await XrpcBody.ReadAsync(request);
        if (body is null || !body.Value.TryGetProperty("seenAt", out var seen) || !DateTimeOffset.TryParse(seen.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return XrpcErrors.InvalidRequest("Input must have the property \"seenAt\"");
        }
        lock (seenLock)
        {
            seenAt = at;
        }
        return Results.Ok();
    }

    public void Reset()
    {
        lock (seenLock)
        {
            seenAt = null;
        }
    }

    private DateTimeOffset? SeenAt()
    {
        lock (seenLock)
        {
            return seenAt;
        }
    }

    private string? ReasonFor(SimulatedEntry post)
    {
        if (post.ParentId is not null && state.Find(post.ParentId) is { ByAccount: true })
        {
            return "reply";
        }
        return post.Text.Contains("@" + account.Handle, StringComparison.OrdinalIgnoreCase) ? "mention" : null;
    }

    private Dictionary<string, object?> Notification(SimulatedEntry post, string reason, DateTimeOffset? seen)
    {
        var notification = new Dictionary<string, object?>
        {
            ["uri"] = post.Id,
            ["cid"] = post.Cid,
            ["author"] = views.Profile(post.PersonId!),
            ["reason"] = reason,
        };
        if (reason == "reply")
        {
            notification["reasonSubject"] = post.ParentId;
        }
        notification["record"] = views.PostRecord(post);
        notification["isRead"] = seen is { } seenTime && post.At <= seenTime;
        notification["indexedAt"] = BlueskyViews.Time(post.At);
        notification["labels"] = Array.Empty<object>();
        return notification;
    }
}
