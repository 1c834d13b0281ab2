using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BlueLamp.Simulator.Tests.Support;

namespace BlueLamp.Simulator.Tests.Bluesky;

public sealed class BlueskyTests
{
    [Fact]
    public async Task CreateSession_then_listNotifications_shows_mentions_newest_first_with_cursor_paging()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("bluesky", "Ceri Price", "ceri.bsky.social");
        var uris = new List<string>();
        foreach (var word in new[] { "first", "second", "third" })
        {
            uris.Add((await sim.ControlAsync("mentions", new { platform = "bluesky", personId = person, text = $"{word}: seen a red bike dumped by the river" })).GetProperty("id").GetString()!);
        }
        var session = await CreateSessionAsync(sim);

        var page1 = await ListAsync(sim, session, "limit=2");
        var page2 = await ListAsync(sim, session, $"limit=2&cursor={Uri.EscapeDataString(page1.GetProperty("cursor").GetString()!)}");

        var firstPage = page1.GetProperty("notifications").EnumerateArray().ToList();
        Assert.Equal([uris[2], uris[1]], firstPage.Select(n => n.GetProperty("uri").GetString()));
        Assert.Equal([uris[0]], page2.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("uri").GetString()));
        Assert.False(page2.TryGetProperty("cursor", out _));
        var mention = firstPage[0];
        Assert.Equal("mention", mention.GetProperty("reason").GetString());
        Assert.Equal(person, mention.GetProperty("author").GetProperty("did").GetString());
        Assert.Equal("app.bsky.feed.post", mention.GetProperty("record").GetProperty("$type").GetString());
        var text = mention.GetProperty("record").GetProperty("text").GetString()!;
        var index = mention.GetProperty("record").GetProperty("facets")[0].GetProperty("index");
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal("@" + SimulatorHarness.BlueskyHandle, Encoding.UTF8.GetString(bytes, index.GetProperty("byteStart").GetInt32(), index.GetProperty("byteEnd").GetInt32() - index.GetProperty("byteStart").GetInt32()));
    }

    [Fact]
    public async Task A_reply_made_with_createRecord_shows_in_the_persons_thread_and_wrong_facets_are_noted()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("bluesky", "Ceri Price", "ceri.bsky.social");
        var mention = await sim.ControlAsync("mentions", new { platform = "bluesky", personId = person, text = "Who do I call about noisy neighbours?" });
        var session = await CreateSessionAsync(sim);
        var text = "Café staff can help 😊 @ceri.bsky.social call 101";
        var utf16Start = text.IndexOf('@', StringComparison.Ordinal);

        using var created = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.repo.createRecord", session, new Dictionary<string, object>
        {
            ["repo"] = "did:plc:democonstab0000000000000",
            ["collection"] = "app.bsky.feed.post",
            ["record"] = new Dictionary<string, object>
            {
                ["$type"] = "app.bsky.feed.post",
                ["text"] = text,
                ["createdAt"] = DateTimeOffset.UtcNow.ToString("O"),
                ["reply"] = new
                {
                    root = new { uri = mention.GetProperty("id").GetString(), cid = mention.GetProperty("cid").GetString() },
                    parent = new { uri = mention.GetProperty("id").GetString(), cid = mention.GetProperty("cid").GetString() },
                },
                // UTF-16 offsets where UTF-8 bytes are required: the PDS accepts it, readers see the wrong span.
                ["facets"] = new[] { new { index = new { byteStart = utf16Start, byteEnd = utf16Start + 17 }, features = new[] { new Dictionary<string, string> { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = person } } } },
            },
        }), TestContext.Current.CancellationToken);

        created.EnsureSuccessStatusCode();
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.StartsWith("at://did:plc:democonstab0000000000000/app.bsky.feed.post/", answer.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("bafyrei", answer.GetProperty("cid").GetString(), StringComparison.Ordinal);
        var reply = (await sim.GetJsonAsync($"/simulator/api/people/bluesky/{person}/thread")).EnumerateArray().Last();
        Assert.Equal(text, reply.GetProperty("text").GetString());
        Assert.NotEqual(0, reply.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task Chat_needs_the_proxy_header_and_a_reply_reaches_the_person()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("bluesky", "Ceri Price", "ceri.bsky.social");
        await sim.ControlAsync("messages", new { platform = "bluesky", personId = person, text = "Can I report something privately?" });
        var session = await CreateSessionAsync(sim);

        using var withoutProxy = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Get, "/xrpc/chat.bsky.convo.listConvos", session), TestContext.Current.CancellationToken);
        var convos = await ChatAsync(sim, session, HttpMethod.Get, "/xrpc/chat.bsky.convo.listConvos");
        var convo = convos.GetProperty("convos")[0];
        var convoId = convo.GetProperty("id").GetString();
        var messages = await ChatAsync(sim, session, HttpMethod.Get, $"/xrpc/chat.bsky.convo.getMessages?convoId={convoId}");
        var sent = await ChatAsync(sim, session, HttpMethod.Post, "/xrpc/chat.bsky.convo.sendMessage", new { convoId, message = new { text = "Yes, tell us here. If you are in danger call 999." } });

        Assert.NotEqual(HttpStatusCode.OK, withoutProxy.StatusCode);
        Assert.Equal("request", convo.GetProperty("status").GetString());
        Assert.Equal("Can I report something privately?", messages.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal("did:plc:democonstab0000000000000", sent.GetProperty("sender").GetProperty("did").GetString());
        var thread = (await sim.GetJsonAsync($"/simulator/api/people/bluesky/{person}/thread")).EnumerateArray().ToList();
        Assert.Equal("Yes, tell us here. If you are in danger call 999.", thread[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_an_expired_access_token_is_refused_until_refreshed()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var login = await sim.Client.PostAsJsonAsync("/xrpc/com.atproto.server.createSession", new { identifier = SimulatorHarness.BlueskyHandle, password = SimulatorHarness.BlueskyPassword }, TestContext.Current.CancellationToken);
        var session = await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var access = session.GetProperty("accessJwt").GetString()!;
        var refresh = session.GetProperty("refreshJwt").GetString()!;
        await sim.ControlAsync("faults/bluesky", new { tokenExpired = true });

        using var expired = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Get, "/xrpc/app.bsky.notification.listNotifications", access), TestContext.Current.CancellationToken);
        using var refreshed = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.server.refreshSession", refresh), TestContext.Current.CancellationToken);
        using var reused = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.server.refreshSession", refresh), TestContext.Current.CancellationToken);
        var newAccess = (await refreshed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessJwt").GetString()!;
        using var afterRefresh = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Get, "/xrpc/app.bsky.notification.listNotifications", newAccess), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("ExpiredToken", (await expired.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("Token has been revoked", (await reused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, afterRefresh.StatusCode);
    }

    [Fact]
    public async Task A_wrong_app_password_is_refused_as_the_PDS_refuses_it()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var login = await sim.Client.PostAsJsonAsync("/xrpc/com.atproto.server.createSession", new { identifier = SimulatorHarness.BlueskyHandle, password = "wrong" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("AuthenticationRequired", (await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_threadgate_is_served_by_getRecord_and_a_write_with_a_stale_swapRecord_is_refused_as_InvalidSwap()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await CreateSessionAsync(sim);
        const string repo = "did:plc:democonstab0000000000000";
        var post = await sim.ControlAsync("posts", new { platform = "bluesky", text = "Appeal: have you seen Dylan?" });
        var postUri = post.GetProperty("id").GetString()!;
        var rkey = postUri[(postUri.LastIndexOf('/') + 1)..];
        var query = $"/xrpc/com.atproto.repo.getRecord?repo={repo}&collection=app.bsky.feed.threadgate&rkey={rkey}";
        async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync()
        {
            using var got = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Get, query, session), ct);
            return (got.StatusCode, await got.Content.ReadFromJsonAsync<JsonElement>(ct));
        }
        HttpRequestMessage Put(object allow, object? swap) => SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.repo.putRecord", session, new Dictionary<string, object?>
        {
            ["repo"] = repo, ["collection"] = "app.bsky.feed.threadgate", ["rkey"] = rkey, ["swapRecord"] = swap,
            ["record"] = new Dictionary<string, object> { ["$type"] = "app.bsky.feed.threadgate", ["post"] = postUri, ["allow"] = allow, ["createdAt"] = DateTimeOffset.UtcNow.ToString("O") },
        });

        var none = await GetAsync();
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Equal("RecordNotFound", none.Body.GetProperty("error").GetString());

        // The account owner limits replies to people they follow, in the app.
        var following = new[] { new Dictionary<string, string> { ["$type"] = "app.bsky.feed.threadgate#followingRule" } };
        using (var invalid = await sim.Client.PostAsJsonAsync("/simulator/api/posts/threadgate", new { post = postUri, record = new { allow = "everyone" } }, ct))
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using (var set = await sim.Client.PostAsJsonAsync("/simulator/api/posts/threadgate", new Dictionary<string, object>
        {
            ["post"] = postUri,
            ["record"] = new Dictionary<string, object> { ["$type"] = "app.bsky.feed.threadgate", ["post"] = postUri, ["allow"] = following, ["createdAt"] = DateTimeOffset.UtcNow.ToString("O") },
        }, ct))
            set.EnsureSuccessStatusCode();
        var read = await GetAsync();
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("app.bsky.feed.threadgate#followingRule", read.Body.GetProperty("value").GetProperty("allow")[0].GetProperty("$type").GetString());
        var cid = read.Body.GetProperty("cid").GetString()!;

        // Writing as if there were none (swapRecord null), or over another version, is refused and changes nothing.
        foreach (var stale in new object?[] { null, "bafyreistale" })
        {
            using var refused = await sim.Client.SendAsync(Put(Array.Empty<object>(), stale), ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("InvalidSwap", (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());
        }
        Assert.Equal(cid, (await GetAsync()).Body.GetProperty("cid").GetString());
        using (var deleteStale = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.repo.deleteRecord", session,
            new Dictionary<string, object> { ["repo"] = repo, ["collection"] = "app.bsky.feed.threadgate", ["rkey"] = rkey, ["swapRecord"] = "bafyreistale" }), ct))
            Assert.Equal(HttpStatusCode.BadRequest, deleteStale.StatusCode);

        // Over the version read it is written, and served back with its new CID.
        using (var written = await sim.Client.SendAsync(Put(Array.Empty<object>(), cid), ct))
            written.EnsureSuccessStatusCode();
        var after = await GetAsync();
        Assert.NotEqual(cid, after.Body.GetProperty("cid").GetString());
        Assert.Equal(0, after.Body.GetProperty("value").GetProperty("allow").GetArrayLength());
    }

    [Fact]
    public async Task A_threadgate_put_over_the_post_hides_the_listed_replies_refuses_more_than_fifty_and_deleting_it_shows_them_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await CreateSessionAsync(sim);
        const string repo = "did:plc:democonstab0000000000000";
        using var created = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.repo.createRecord", session, new Dictionary<string, object>
        {
            ["repo"] = repo,
            ["collection"] = "app.bsky.feed.post",
            ["record"] = new Dictionary<string, object> { ["$type"] = "app.bsky.feed.post", ["text"] = "UPDATE: a man has been charged.", ["createdAt"] = DateTimeOffset.UtcNow.ToString("O") },
        }), ct);
        created.EnsureSuccessStatusCode();
        var postUri = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("uri").GetString()!;
        var rkey = postUri[(postUri.LastIndexOf('/') + 1)..];
        var person = await sim.PersonAsync("bluesky", "Ceri Price", "ceri.bsky.social");
        var gossip = (await sim.ControlAsync("mentions", new { platform = "bluesky", personId = person, text = "he did it, everyone knows", inReplyTo = postUri })).GetProperty("id").GetString()!;
        var other = (await sim.ControlAsync("mentions", new { platform = "bluesky", personId = person, text = "thank you officers", inReplyTo = postUri })).GetProperty("id").GetString()!;

        HttpRequestMessage Gate(object hiddenReplies) => SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.repo.putRecord", session, new Dictionary<string, object>
        {
            ["repo"] = repo,
            ["collection"] = "app.bsky.feed.threadgate",
            ["rkey"] = rkey,
            ["record"] = new Dictionary<string, object>
            {
                ["$type"] = "app.bsky.feed.threadgate", ["post"] = postUri, ["allow"] = Array.Empty<object>(), ["hiddenReplies"] = hiddenReplies,
                ["createdAt"] = DateTimeOffset.UtcNow.ToString("O"),
            },
        });
        async Task<Dictionary<string, bool>> HiddenAsync() =>
            (await sim.GetJsonAsync($"/simulator/api/people/bluesky/{person}/thread")).EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("hidden").GetBoolean());

        using (var tooMany = await sim.Client.SendAsync(Gate(Enumerable.Range(0, 51).Select(i => $"at://did:plc:someone/app.bsky.feed.post/{i}").ToArray()), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
            Assert.Contains("must not have more than 50 elements", await tooMany.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
        using (var notUris = await sim.Client.SendAsync(Gate(new[] { "he did it" }), ct))
            Assert.Equal(HttpStatusCode.BadRequest, notUris.StatusCode);
        Assert.All((await HiddenAsync()).Values, Assert.False);

        using (var gated = await sim.Client.SendAsync(Gate(new[] { gossip }), ct))
            gated.EnsureSuccessStatusCode();
        var hidden = await HiddenAsync();
        Assert.True(hidden[gossip]);
        Assert.False(hidden[other]);
        using (var reply = await sim.Client.PostAsJsonAsync("/simulator/api/mentions", new { platform = "bluesky", personId = person, text = "one more thing", inReplyTo = postUri }, ct))
            Assert.False(reply.IsSuccessStatusCode);

        using (var deleted = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/xrpc/com.atproto.repo.deleteRecord", session,
            new Dictionary<string, object> { ["repo"] = repo, ["collection"] = "app.bsky.feed.threadgate", ["rkey"] = rkey }), ct))
            deleted.EnsureSuccessStatusCode();
        Assert.All((await HiddenAsync()).Values, Assert.False);
        await sim.ControlAsync("mentions", new { platform = "bluesky", personId = person, text = "one more thing", inReplyTo = postUri });
    }

    private static async Task<string> CreateSessionAsync(SimulatorHarness sim)
    {
        using var login = await sim.Client.PostAsJsonAsync("/xrpc/com.atproto.server.createSession", new { identifier = SimulatorHarness.BlueskyHandle, password = SimulatorHarness.BlueskyPassword });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessJwt").GetString()!;
    }

    private static async Task<JsonElement> ListAsync(SimulatorHarness sim, string session, string query)
    {
        using var response = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Get, $"/xrpc/app.bsky.notification.listNotifications?{query}", session));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ChatAsync(SimulatorHarness sim, string session, HttpMethod method, string path, object? body = null)
    {
        using var request = SimulatorHarness.Authorized(method, path, session, body);
        request.Headers.Add("atproto-proxy", "did:web:api.bsky.chat#bsky_chat");
        using var response = await sim.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
