using System.Globalization;
using System.Text;
using System.Text.Json;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>
/// Bluesky chat (chat.bsky.convo.*), reached through the PDS with "atproto-proxy: did:web:api.bsky.chat#bsky_chat":
/// listConvos, getConvo, getConvoForMembers, getMessages (newest first) and sendMessage.
/// </summary>
public sealed class BlueskyChatApi(SimulatorState state, XrpcGate gate, BlueskyViews views, AccountEchoes echoes, IOptions<SimulatorOptions> options)
{
    private readonly BlueskyAccountOptions account = options.Value.Bluesky;

    public async Task<IResult> ListConvosAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request, chat: true) is { } refused)
        {
            return refused;
        }
        if (Limit(request.Query) is not { } limit)
        {
            return XrpcErrors.InvalidRequest("limit must be an integer between 1 and 100");
        }
        var cursor = BlueskyCursor.Decode(request.Query["cursor"].ToString());
        var convos = state.Entries(e => e.Platform == SimulatedPlatform.Bluesky && e.Kind == EntryKind.DirectMessage)
            .GroupBy(e => e.ThreadId!)
            .Select(g => g.ToList())
            .OrderByDescending(g => g[^1].At).ThenByDescending(g => g[^1].Sequence)
            .Where(g => cursor is not { } c || BlueskyCursor.IsBelow(g[^1].At, g[^1].Sequence, c))
            .ToList();
        var page = convos.Take(limit).ToList();
        var result = new Dictionary<string, object?>();
        if (convos.Count > page.Count)
        {
            result["cursor"] = BlueskyCursor.Encode(page[^1][^1].At, page[^1][^1].Sequence);
        }
        result["convos"] = page.Select(g => Convo(g[0].ThreadId!, g[0].PersonId!, g)).ToList();
        return new PlatformJson(200, result);
    }

    public async Task<IResult> GetConvoAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request, chat: true) is { } refused)
        {
            return refused;
        }
        var convoId = request.Query["convoId"].ToString();
        if (state.PersonInThread(SimulatedPlatform.Bluesky, convoId) is not { } person)
        {
            return XrpcErrors.InvalidRequest("Convo not found");
        }
        return new PlatformJson(200, new { convo = Convo(convoId, person, Messages(convoId)) });
    }

    /// <summary>The conversation with the given members, created when there is none yet.</summary>
    public async Task<IResult> GetConvoForMembersAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request, chat: true) is { } refused)
        {
            return refused;
        }
        if (OtherMember(request) is not { } member)
        {
            return XrpcErrors.InvalidRequest("members must name one other known account (group chats are not simulated)");
        }
        if (state.IsChatClosed(member) && state.Entries(e => e.Platform == SimulatedPlatform.Bluesky && e.Kind == EntryKind.DirectMessage && e.PersonId == member).Count == 0)
        {
            return XrpcErrors.InvalidRequest("recipient has disabled incoming messages");
        }
        var convoId = state.ThreadFor(SimulatedPlatform.Bluesky, member);
        return new PlatformJson(200, new { convo = Convo(convoId, member, Messages(convoId)) });
    }

    /// <summary>Whether the account and the given member can chat, with their convo when there is one already.</summary>
    public async Task<IResult> GetConvoAvailabilityAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request, chat: true) is { } refused)
        {
            return refused;
        }
        if (OtherMember(request) is not { } member)
        {
            return XrpcErrors.InvalidRequest("members must name one other known account (group chats are not simulated)");
        }
        var existing = Messages(state.ThreadFor(SimulatedPlatform.Bluesky, member));
        // Someone who already wrote to the account has let it in; otherwise their chat setting decides.
        var canChat = existing.Count > 0 || !state.IsChatClosed(member);
        var result = new Dictionary<string, object?> { ["canChat"] = canChat };
        if (existing.Count > 0)
        {
            result["convo"] = Convo(existing[0].ThreadId!, member, existing);
        }
        return new PlatformJson(200, result);
    }

    public async Task<IResult> GetMessagesAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request, chat: true) is { } refused)
        {
            return refused;
        }
        if (Limit(request.Query) is not { } limit)
        {
            return XrpcErrors.InvalidRequest("limit must be an integer between 1 and 100");
        }
        var convoId = request.Query["convoId"].ToString();
        if (state.PersonInThread(SimulatedPlatform.Bluesky, convoId) is null)
        {
            return XrpcErrors.InvalidRequest("Convo not found");
        }
        var cursor = BlueskyCursor.Decode(request.Query["cursor"].ToString());
        var messages = Messages(convoId).AsEnumerable().Reverse()
            .Where(m => cursor is not { } c || BlueskyCursor.IsBelow(m.At, m.Sequence, c))
            .ToList();
        var page = messages.Take(limit).ToList();
        var result = new Dictionary<string, object?>();
        if (messages.Count > page.Count)
        {
            result["cursor"] = BlueskyCursor.Encode(page[^1].At, page[^1].Sequence);
        }
        result["messages"] = page.Select(views.Message).ToList();
        return new PlatformJson(200, result);
    }

    public async Task<IResult> SendMessageAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request, chat: true) is { } refused)
        {
            return refused;
        }
        if (await XrpcBody.ReadAsync(request) is not { } input
            || !input.TryGetProperty("convoId", out var convo) || !input.TryGetProperty("message", out var message)
            || !message.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
        {
            return XrpcErrors.InvalidRequest("Input must have the properties \"convoId\" and \"message\" with \"text\"");
        }
        var text = textElement.GetString()!;
        if (text.Length == 0 || new StringInfo(text).LengthInTextElements > 1000 || Encoding.UTF8.GetByteCount(text) > 10_000)
        {
            return XrpcErrors.InvalidRequest("message/text must be between 1 and 1000 graphemes");
        }
        var convoId = convo.GetString() ?? "";
        if (state.PersonInThread(SimulatedPlatform.Bluesky, convoId) is not { } person)
        {
            return XrpcErrors.InvalidRequest("Convo not found");
        }
        JsonElement? facets = message.TryGetProperty("facets", out var f) ? f.Clone() : null;
        var sent = state.Add(new SimulatedEntry
        {
            Id = state.Ids.NextChatId(),
            Platform = SimulatedPlatform.Bluesky,
            Kind = EntryKind.DirectMessage,
            ByAccount = true,
            ViaApi = true,
            PersonId = person,
            Text = text,
            At = state.Clock.GetUtcNow(),
            ThreadId = convoId,
            Facets = facets,
            Problems = BlueskyFacets.Check(text, facets),
        });
        echoes.After(sent);
        return new PlatformJson(200, views.Message(sent));
    }

    /// <summary>The one person besides the account that "members" names, when the simulator knows them.</summary>
    private string? OtherMember(HttpRequest request)
    {
        var members = request.Query["members"].Where(m => !string.IsNullOrEmpty(m) && m != account.Did).Select(m => m!).Distinct().ToList();
        return members.Count == 1 && state.FindPerson(SimulatedPlatform.Bluesky, members[0]) is not null ? members[0] : null;
    }

    private List<SimulatedEntry> Messages(string convoId) =>
        [.. state.Entries(e => e.Platform == SimulatedPlatform.Bluesky && e.Kind == EntryKind.DirectMessage && e.ThreadId == convoId)];

    private Dictionary<string, object?> Convo(string convoId, string personId, List<SimulatedEntry> messages)
    {
        var lastFromAccount = messages.LastOrDefault(m => m.ByAccount);
        var unread = messages.Count(m => !m.ByAccount && (lastFromAccount is null || m.Sequence > lastFromAccount.Sequence));
        var convo = new Dictionary<string, object?>
        {
            ["id"] = convoId,
            ["rev"] = messages.Count > 0 ? BlueskyViews.Rev(messages[^1]) : "2" + new string('0', 12),
            ["members"] = new[] { views.Profile(account.Did), views.Profile(personId) },
        };
        if (messages.Count > 0)
        {
            convo["lastMessage"] = views.Message(messages[^1]);
        }
        convo["muted"] = false;
        // Someone who writes first lands in the account's requests until the account answers.
        convo["status"] = lastFromAccount is null ? "request" : "accepted";
        convo["unreadCount"] = unread;
        return convo;
    }

    private static int? Limit(IQueryCollection query)
    {
        if (!query.TryGetValue("limit", out var text))
        {
            return 50;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 100 ? limit : null;
    }
}
