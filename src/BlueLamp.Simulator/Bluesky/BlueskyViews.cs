using System.Globalization;
using System.Text.Json;
using BlueLamp.Simulator.State;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>Lexicon views shared by the Bluesky endpoints: profiles, post records, chat messages and timestamps.</summary>
public sealed class BlueskyViews(SimulatorState state, IOptions<SimulatorOptions> options)
{
    private readonly BlueskyAccountOptions account = options.Value.Bluesky;

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>app.bsky.actor.defs#profileView (and, without the dates, profileViewBasic) of a person or the account.</summary>
    public Dictionary<string, object?> Profile(string did)
    {
        var person = did == account.Did ? null : state.FindPerson(SimulatedPlatform.Bluesky, did);
        return new Dictionary<string, object?>
        {
            ["did"] = did,
            ["handle"] = person?.Username ?? account.Handle,
            ["displayName"] = person?.Name ?? account.DisplayName,
            ["associated"] = new { chat = new { allowIncoming = "all" } },
            ["viewer"] = new { muted = false, blockedBy = false },
            ["labels"] = Array.Empty<object>(),
            ["createdAt"] = "2024-02-06T10:00:00.000Z",
        };
    }

    /// <summary>The app.bsky.feed.post record behind a post entry.</summary>
    public Dictionary<string, object?> PostRecord(SimulatedEntry post)
    {
        var record = new Dictionary<string, object?>
        {
            ["$type"] = "app.bsky.feed.post",
            ["createdAt"] = Time(post.At),
        };
        if (post.Facets is { } facets)
        {
            record["facets"] = facets;
        }
        record["langs"] = new[] { "en" };
        if (post.ParentId is not null)
        {
            record["reply"] = new
            {
                parent = new { cid = post.ParentCid, uri = post.ParentId },
                root = new { cid = post.RootCid ?? post.ParentCid, uri = post.RootId ?? post.ParentId },
            };
        }
        record["text"] = post.Text;
        return record;
    }

    /// <summary>chat.bsky.convo.defs#messageView.</summary>
    public Dictionary<string, object?> Message(SimulatedEntry message)
    {
        var view = new Dictionary<string, object?>
        {
            ["$type"] = "chat.bsky.convo.defs#messageView",
            ["id"] = message.Id,
            ["rev"] = Rev(message),
            ["text"] = message.Text,
        };
        if (message.Facets is JsonElement facets)
        {
            view["facets"] = facets;
        }
        view["sender"] = new { did = message.ByAccount ? account.Did : message.PersonId };
        view["sentAt"] = Time(message.At);
        return view;
    }

    /// <summary>A revision that grows with every change, as chat revs do.</summary>
    public static string Rev(SimulatedEntry entry) => "2" + entry.Sequence.ToString("d12", CultureInfo.InvariantCulture);
}
