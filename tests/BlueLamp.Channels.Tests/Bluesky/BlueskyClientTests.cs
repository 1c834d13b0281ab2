using System.Text;
using System.Text.Json;
using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Channels.Tests.Bluesky;

public class BlueskyClientTests
{
    private const string OurDid = "did:plc:northshirepolice0000000000";

    private static readonly BlueskyCredentials Account = new("northshirepolice.bsky.social", "abcd-efgh-ijkl-mnop");

    // A JWT whose exp lies far ahead, so the cache has no reason to refresh it on its own.
    private static string Jwt(string name) =>
        "eyJhbGciOiJIUzI1NiJ9." + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"scope\":\"com.atproto.appPass\",\"sub\":\"" + OurDid + "\",\"exp\":4102444800,\"jti\":\"" + name + "\"}")).TrimEnd('=') + ".c2ln";

    private static FakeResponse Session(string access, string refresh) =>
        new(200, $"{{\"did\":\"{OurDid}\",\"handle\":\"northshirepolice.bsky.social\",\"accessJwt\":\"{access}\",\"refreshJwt\":\"{refresh}\",\"active\":true}}");

    private static readonly BlueskyReplyTo ReplyTo = new(
        new PostReference("at://did:plc:northshirepolice0000000000/app.bsky.feed.post/3lbpwappeal01", "bafyreiroot"),
        new PostReference("at://did:plc:7yq2m8vwx3k1p0r9t6s5zdef/app.bsky.feed.post/3lbq2zzzdef9m", "bafyreiparent"));

    private static FakeResponse Created() =>
        new(200, "{\"uri\":\"at://did:plc:northshirepolice0000000000/app.bsky.feed.post/3lbq5reply001\",\"cid\":\"bafyreinew\",\"commit\":{\"cid\":\"bafyreicommit\",\"rev\":\"3lbq5rev\"},\"validationStatus\":\"valid\"}");

    [Fact]
    public async Task A_reply_cites_root_and_parent_carries_facets_and_logs_in_only_once()
    {
        await using var platform = await FakePlatform.StartAsync((request, _) => request.Path switch
        {
            "/xrpc/com.atproto.server.createSession" => Session(Jwt("access-1"), Jwt("refresh-1")),
            "/xrpc/com.atproto.identity.resolveHandle" => new FakeResponse(200, "{\"did\":\"did:plc:7yq2m8vwx3k1p0r9t6s5zdef\"}"),
            _ => Created(),
        });
        using var services = PlatformClients.For(platform);
        var client = services.GetRequiredService<BlueskyClient>();
        const string text = "Diolch @gwen.cymru 🙏 — details at https://northshire.police.uk/missing";

        var first = await client.CreatePostAsync(Account, text, ReplyTo, ["cy", "en"], TestContext.Current.CancellationToken);
        var second = await client.CreatePostAsync(Account, "A second reply.", ReplyTo, null, TestContext.Current.CancellationToken);

        Assert.True(first.IsSent && second.IsSent);
        Assert.Equal("at://did:plc:northshirepolice0000000000/app.bsky.feed.post/3lbq5reply001", first.PlatformMessageId);
        Assert.Equal("https://bsky.app/profile/northshirepolice.bsky.social/post/3lbq5reply001", first.Link);
        Assert.Single(platform.To("/xrpc/com.atproto.server.createSession"));
        var login = JsonDocument.Parse(platform.To("/xrpc/com.atproto.server.createSession").Single().Body).RootElement;
        Assert.Equal("northshirepolice.bsky.social", login.GetProperty("identifier").GetString());

        var create = platform.To("/xrpc/com.atproto.repo.createRecord").First();
        Assert.Equal("Bearer " + Jwt("access-1"), create.Headers["Authorization"]);
        var body = JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal(OurDid, body.GetProperty("repo").GetString());
        Assert.Equal("app.bsky.feed.post", body.GetProperty("collection").GetString());
        var record = body.GetProperty("record");
        Assert.Equal("app.bsky.feed.post", record.GetProperty("$type").GetString());
        Assert.Equal(text, record.GetProperty("text").GetString());
        Assert.Equal(["cy", "en"], record.GetProperty("langs").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("bafyreiroot", record.GetProperty("reply").GetProperty("root").GetProperty("cid").GetString());
        Assert.Equal("at://did:plc:7yq2m8vwx3k1p0r9t6s5zdef/app.bsky.feed.post/3lbq2zzzdef9m", record.GetProperty("reply").GetProperty("parent").GetProperty("uri").GetString());
        var facets = record.GetProperty("facets").EnumerateArray().ToList();
        Assert.Equal(2, facets.Count);
        var mention = facets[0];
        Assert.Equal(7, mention.GetProperty("index").GetProperty("byteStart").GetInt32());
        Assert.Equal(18, mention.GetProperty("index").GetProperty("byteEnd").GetInt32());
        Assert.Equal("did:plc:7yq2m8vwx3k1p0r9t6s5zdef", mention.GetProperty("features")[0].GetProperty("did").GetString());
        var link = facets[1].GetProperty("features")[0];
        Assert.Equal("app.bsky.richtext.facet#link", link.GetProperty("$type").GetString());
        var linkStart = Encoding.UTF8.GetByteCount(text[..text.IndexOf("https", StringComparison.Ordinal)]);
        Assert.Equal(linkStart, facets[1].GetProperty("index").GetProperty("byteStart").GetInt32());
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_and_the_call_repeated_without_a_new_login()
    {
        await using var platform = await FakePlatform.StartAsync((request, count) => request.Path switch
        {
            "/xrpc/com.atproto.server.createSession" => Session(Jwt("access-1"), Jwt("refresh-1")),
            "/xrpc/com.atproto.server.refreshSession" => Session(Jwt("access-2"), Jwt("refresh-2")),
            _ when count == 0 => new FakeResponse(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"),
            _ => Created(),
        });
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<BlueskyClient>().CreatePostAsync(Account, "Update: the road has reopened.", null, ["en"], TestContext.Current.CancellationToken);

        Assert.True(result.IsSent);
        Assert.Single(platform.To("/xrpc/com.atproto.server.createSession"));
        var refresh = Assert.Single(platform.To("/xrpc/com.atproto.server.refreshSession"));
        Assert.Equal("Bearer " + Jwt("refresh-1"), refresh.Headers["Authorization"]);
        Assert.Equal("Bearer " + Jwt("access-2"), platform.To("/xrpc/com.atproto.repo.createRecord").Last().Headers["Authorization"]);
    }

    [Fact]
    public async Task Chat_calls_go_through_the_chat_proxy()
    {
        await using var platform = await FakePlatform.StartAsync((request, _) => request.Path switch
        {
            "/xrpc/com.atproto.server.createSession" => Session(Jwt("access-1"), Jwt("refresh-1")),
            "/xrpc/chat.bsky.convo.listConvos" => new FakeResponse(200, SampleFiles.Text("Bluesky", "chat-listConvos.json")),
            "/xrpc/chat.bsky.convo.getMessages" => new FakeResponse(200, SampleFiles.Text("Bluesky", "chat-getMessages.json")),
            _ => new FakeResponse(200, "{\"id\":\"3lbq4msg000004\",\"rev\":\"2226bdjhyxs3a\",\"text\":\"We can help.\",\"sender\":{\"did\":\"" + OurDid + "\"},\"sentAt\":\"2026-11-24T13:12:00.000Z\"}"),
        });
        using var services = PlatformClients.For(platform);
        var client = services.GetRequiredService<BlueskyClient>();

        var convos = await client.ListConvosAsync(Account, cancellationToken: TestContext.Current.CancellationToken);
        var messages = await client.GetMessagesAsync(Account, convos.Value!.Convos[0], cancellationToken: TestContext.Current.CancellationToken);
        var sent = await client.SendChatMessageAsync(Account, "3lbq4convo00001", "We can help.", TestContext.Current.CancellationToken);

        Assert.Equal(2, messages.Value!.Parsed.Events.Count);
        Assert.Equal("3lbq4msg000004", sent.PlatformMessageId);
        Assert.All(platform.Requests.Where(r => r.Path.StartsWith("/xrpc/chat.", StringComparison.Ordinal)),
            r => Assert.Equal("did:web:api.bsky.chat#bsky_chat", r.Headers["atproto-proxy"]));
        Assert.Contains("convoId=3lbq4convo00001", platform.To("/xrpc/chat.bsky.convo.getMessages").Single().Query, StringComparison.Ordinal);
        var body = JsonDocument.Parse(platform.To("/xrpc/chat.bsky.convo.sendMessage").Single().Body).RootElement;
        Assert.Equal("3lbq4convo00001", body.GetProperty("convoId").GetString());
        Assert.Equal("We can help.", body.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_rejected_app_password_marks_the_account_for_reconnection()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) =>
            new FakeResponse(401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}"));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<BlueskyClient>().ListNotificationsAsync(Account, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.True(result.Failure!.NeedsReconnect);
        Assert.Equal("Bluesky: Invalid identifier or password", result.Failure.Error);
    }

    [Fact]
    public async Task Notifications_are_polled_and_read_as_the_logged_in_account()
    {
        await using var platform = await FakePlatform.StartAsync((request, _) => request.Path switch
        {
            "/xrpc/com.atproto.server.createSession" => Session(Jwt("access-1"), Jwt("refresh-1")),
            _ => new FakeResponse(200, SampleFiles.Text("Bluesky", "listNotifications.json")),
        });
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<BlueskyClient>().ListNotificationsAsync(Account, "2026-11-24T12:00:00.000Z", TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Value!.Parsed.Events.Count);
        Assert.All(result.Value.Parsed.Events, e => Assert.Equal(OurDid, e.AccountPlatformId));
        Assert.Contains("cursor=2026-11-24T12%3A00%3A00.000Z", platform.To("/xrpc/app.bsky.notification.listNotifications").Single().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_over_300_graphemes_is_refused_before_logging_in()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => Created());
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<BlueskyClient>().CreatePostAsync(Account, new string('a', 301), null, null, TestContext.Current.CancellationToken);

        Assert.True(result.Failure!.RefusedBeforeSending);
        Assert.Empty(platform.Requests);
    }
}
