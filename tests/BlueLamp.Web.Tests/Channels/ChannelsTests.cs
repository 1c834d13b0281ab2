using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>Each platform over real HTTP against the simulator inside BlueLamp: signatures, every event shape to the desk, replies back out, and the rules and failures of sending.</summary>
public sealed class ChannelsTests(ChannelHostFixture fixture) : IClassFixture<ChannelHostFixture>
{
    private const string MetaAppSecret = "sim-meta-app-secret";
    private const string XConsumerSecret = "sim-x-consumer-secret";
    private const string PageId = "104000000000001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChannelHost Host => fixture.Host;

    [Fact]
    public async Task Meta_handshake_echoes_the_challenge_and_a_wrong_verify_token_is_refused()
    {
        using var simulator = Host.Simulator();
        var handshake = await simulator.HandshakeAsync("meta");
        Assert.True(handshake.GetProperty("passed").GetBoolean(), handshake.ToString());

        using var client = Host.NewClient();
        var accepted = await client.GetAsync("/webhooks/meta?hub.mode=subscribe&hub.verify_token=sim-meta-verify-token&hub.challenge=1158201444", Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("1158201444", await accepted.Content.ReadAsStringAsync(Ct));
        var refused = await client.GetAsync("/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task X_CRC_is_answered_with_the_consumer_secrets_HMAC()
    {
        using var simulator = Host.Simulator();
        var crc = await simulator.HandshakeAsync("x");
        Assert.True(crc.GetProperty("passed").GetBoolean(), crc.ToString());

        using var client = Host.NewClient();
        var answer = await client.GetFromJsonAsync<JsonElement>("/webhooks/x?crc_token=abc123", Ct);
        Assert.Equal(XCrc.ResponseToken("abc123", XConsumerSecret), answer.GetProperty("response_token").GetString());
    }

    [Fact]
    public async Task Unsigned_and_wrongly_signed_webhooks_are_refused_with_401_and_nothing_is_stored()
    {
        var body = MessengerBody("m_unsigned_" + Guid.NewGuid().ToString("N"), "psid-unsigned", "Please help", DateTimeOffset.UtcNow);
        var before = await Host.InboundEventCountAsync();
        using var client = Host.NewClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "/webhooks/meta", body, null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "/webhooks/meta", body, MetaSignature.HeaderName, MetaSignature.Compute(body, "another-apps-secret"))).StatusCode);
        // Signed over other bytes: the same JSON re-serialised is not what was signed.
        var reserialised = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "/webhooks/meta", body, MetaSignature.HeaderName, MetaSignature.Compute(reserialised.Append((byte)' ').ToArray(), MetaAppSecret))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "/webhooks/x", XBody(), null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "/webhooks/x", XBody(), XSignature.HeaderName, XSignature.Compute(XBody(), "wrong"))).StatusCode);

        Assert.Equal(before, await Host.InboundEventCountAsync());
    }

    [Fact]
    public async Task Malformed_bodies_are_refused_with_400_and_the_reason_and_oversized_ones_with_413()
    {
        var before = await Host.InboundEventCountAsync();
        using var client = Host.NewClient();

        var notJson = "{\"object\":\"page\",\"entry\":["u8.ToArray();
        var response = await PostAsync(client, "/webhooks/meta", notJson, MetaSignature.HeaderName, MetaSignature.Compute(notJson, MetaAppSecret));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var unknownShape = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"u8.ToArray();
        response = await PostAsync(client, "/webhooks/meta", unknownShape, MetaSignature.HeaderName, MetaSignature.Compute(unknownShape, MetaAppSecret));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("whatsapp_business_account", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var huge = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[],\"pad\":\"" + new string('x', 1024 * 1024 + 10) + "\"}");
        response = await PostAsync(client, "/webhooks/meta", huge, MetaSignature.HeaderName, MetaSignature.Compute(huge, MetaAppSecret));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        Assert.Equal(before, await Host.InboundEventCountAsync());
    }

    [Fact]
    public async Task An_event_for_a_page_nobody_connected_is_acknowledged_logged_and_counted()
    {
        var counters = Host.Host.Services.GetRequiredService<ChannelCounters>();
        var before = counters.UnknownAccountTotal;
        var body = MessengerBody("m_" + Guid.NewGuid().ToString("N"), "psid-stranger", "Hello?", DateTimeOffset.UtcNow, pageId: "999000000000009");
        using var client = Host.NewClient();

        var response = await PostAsync(client, "/webhooks/meta", body, MetaSignature.HeaderName, MetaSignature.Compute(body, MetaAppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, counters.UnknownAccountTotal);
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz", Ct);
        Assert.True(health.GetProperty("details").GetProperty("accounts").GetProperty("data").GetProperty("unknownAccountEvents").GetInt64() >= 1);
    }

    [Theory]
    [InlineData("facebook", "dm")]
    [InlineData("facebook", "comment")]
    [InlineData("instagram", "dm")]
    [InlineData("instagram", "comment")]
    [InlineData("x", "dm")]
    [InlineData("x", "mention")]
    [InlineData("bluesky", "mention")]
    [InlineData("bluesky", "dm")]
    public async Task Every_event_shape_reaches_the_desk_queue_and_the_operators_reply_reaches_the_person_on_the_platform(string platform, string shape)
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync(platform, $"Alex {platform} {shape}");
        var text = $"Someone is trying car door handles on Elm Road ({marker})";
        _ = shape switch
        {
            "dm" => await simulator.MessageAsync(platform, person, text),
            "comment" => await simulator.CommentAsync(platform, person, text),
            _ => await simulator.MentionAsync(platform, person, text),
        };

        var conversationId = await ConversationInQueueAsync(desk, marker);
        var reply = $"Thank you, officers are on the way ({marker})";
        var sent = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = reply }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var outbound = await OutboundAsync(desk, conversationId, m => m.GetProperty("deliveryState").GetInt32() == 3, "the reply to be delivered");
        Assert.Contains(marker, outbound.GetProperty("text").GetString(), StringComparison.Ordinal);
        var seen = await simulator.SentToAsync(platform, person);
        var delivered = Assert.Single(seen, e => e.GetProperty("text").GetString()!.Contains(marker, StringComparison.Ordinal));
        Assert.Empty(delivered.GetProperty("problems").EnumerateArray());
        // The platform's echo of our own reply never comes back as a message from the public.
        await Task.Delay(500, Ct);
        Assert.Single(await Host.MessagesAsync(reply));
    }

    [Theory]
    [InlineData("facebook")]
    [InlineData("instagram")]
    [InlineData("x")]
    [InlineData("bluesky")]
    public async Task A_life_at_risk_message_gets_the_holding_reply_once_through_the_platform_it_came_from(string platform)
    {
        using var simulator = Host.Simulator();
        var person = await simulator.PersonAsync(platform, $"Sam {platform} at risk");
        var marker = Guid.NewGuid().ToString("N")[..10];
        await simulator.MessageAsync(platform, person, $"i cant do this anymore, ive got the pills out and im taking them tonight ({marker})");

        var sent = await Eventually.GetAsync(() => simulator.SentToAsync(platform, person),
            s => s.Any(e => e.GetProperty("text").GetString() == HoldingReply.English), "the holding reply on " + platform);
        var holding = Assert.Single(sent, e => e.GetProperty("text").GetString() == HoldingReply.English);
        Assert.Empty(holding.GetProperty("problems").EnumerateArray());

        // A second alarming message in the same conversation does not send it again.
        var second = Guid.NewGuid().ToString("N")[..10];
        await simulator.MessageAsync(platform, person, $"nobody would even notice if i was gone ({second})");
        await Eventually.GetAsync(() => Host.MessagesAsync(second), m => m.Count == 1, "the second message");
        await Task.Delay(1000, Ct); // the outbox would have sent a second reply by now
        Assert.Single(await simulator.SentToAsync(platform, person), e => e.GetProperty("text").GetString() == HoldingReply.English);
    }

    [Fact]
    public async Task An_operator_marking_a_Messenger_conversation_life_at_risk_sends_the_holding_reply_on_Messenger()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var person = await simulator.PersonAsync("facebook", "Robin worried");
        var marker = Guid.NewGuid().ToString("N")[..10];
        await simulator.MessageAsync("facebook", person, $"Hi, can someone ring me back please ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);
        Assert.DoesNotContain(await simulator.SentToAsync("facebook", person), e => e.GetProperty("text").GetString() == HoldingReply.English);

        Assert.True((await desk.PostAsync($"/api/desk/conversations/{conversationId}/life-at-risk", null, Ct)).IsSuccessStatusCode);

        var sent = await Eventually.GetAsync(() => simulator.SentToAsync("facebook", person),
            s => s.Any(e => e.GetProperty("text").GetString() == HoldingReply.English), "the holding reply on Messenger");
        Assert.Single(sent, e => e.GetProperty("text").GetString() == HoldingReply.English);
    }

    [Fact]
    public async Task A_comment_keeps_the_post_it_is_under_and_its_edit_and_removal_change_the_one_stored_message()
    {
        using var simulator = Host.Simulator();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("facebook", "Jo Commenter");
        var comment = await simulator.CommentAsync("facebook", person, $"Is the A road closed? ({marker})");
        var commentId = comment.GetProperty("id").GetString()!;
        var stored = await Eventually.GetAsync(() => Host.MessagesAsync(marker), m => m.Count == 1, "the comment");
        Assert.Equal(comment.GetProperty("threadId").GetString(), stored[0].ParentPostId);

        await simulator.EditCommentAsync(commentId, $"Is the A38 closed northbound? ({marker})");
        var edited = await Eventually.GetAsync(() => Host.MessagesAsync(marker), m => m.Count == 1 && m[0].EditedAt is not null, "the edit");
        Assert.Contains("A38", edited[0].Text, StringComparison.Ordinal);

        await simulator.RemoveCommentAsync(commentId);
        var removed = await Eventually.GetAsync(() => Host.MessagesAsync(marker), m => m.Count == 1 && m[0].RemovedAt is not null, "the removal");
        Assert.Contains("A38", removed[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_24_hours_Messenger_replies_go_as_HUMAN_AGENT_and_after_7_days_the_operator_is_told_why_nothing_can_be_sent()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var late = await simulator.PersonAsync("facebook", "Kim Late");
        await simulator.MessageAsync("facebook", late, $"I wrote two days ago ({marker}a)", DateTimeOffset.UtcNow.AddDays(-2));
        var lateConversation = await ConversationInQueueAsync(desk, marker + "a");
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{lateConversation}/replies", new { text = $"Sorry for the wait ({marker}a)" }, Ct)).StatusCode);
        await OutboundAsync(desk, lateConversation, m => m.GetProperty("deliveryState").GetInt32() == 3, "the human-agent reply");
        Assert.Equal("HUMAN_AGENT", (await simulator.SentToAsync("facebook", late)).Single().GetProperty("sendMode").GetString());

        var old = await simulator.PersonAsync("facebook", "Lee Old");
        await simulator.MessageAsync("facebook", old, $"I wrote eight days ago ({marker}b)", DateTimeOffset.UtcNow.AddDays(-8));
        var oldConversation = await ConversationInQueueAsync(desk, marker + "b");
        var refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{oldConversation}/replies", new { text = "Hello again" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("7 days", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await simulator.SentToAsync("facebook", old));
    }

    [Fact]
    public async Task A_reply_too_long_for_X_is_refused_before_anything_is_stored()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("x", "Pat Long");
        await simulator.MentionAsync("x", person, $"Which station covers Ashford? ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);

        var refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = new string('a', 281) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("X allows 280", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var view = await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.DoesNotContain(view.GetProperty("messages").EnumerateArray(), m => m.GetProperty("direction").GetInt32() == 2);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_and_the_reply_is_delivered()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("facebook", "Ash Busy");
        await simulator.MessageAsync("facebook", person, $"Anyone there? ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);
        await simulator.SetFaultsAsync("facebook", new { rateLimited = true, retryAfterSeconds = 1, forCalls = 1 });
        try
        {
            await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = $"Yes, we are here ({marker})" }, Ct);
            await OutboundAsync(desk, conversationId, m => m.GetProperty("deliveryState").GetInt32() == 3, "the reply to get through after the 429");
            Assert.Single(await simulator.SentToAsync("facebook", person));
        }
        finally
        {
            await simulator.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task A_reply_that_finally_fails_shows_the_platforms_error_and_an_operator_can_send_it_again()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("instagram", "Robin Outage");
        await simulator.MessageAsync("instagram", person, $"Hello from Instagram ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);

        await simulator.SetFaultsAsync("instagram", new { serverErrors = true });
        JsonElement failed;
        try
        {
            await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = $"We are on it ({marker})" }, Ct);
            failed = await OutboundAsync(desk, conversationId, m => m.GetProperty("deliveryState").GetInt32() == 4, "the reply to fail");
        }
        finally
        {
            await simulator.ClearFaultsAsync();
        }
        Assert.Contains("Meta", failed.GetProperty("deliveryError").GetString(), StringComparison.Ordinal);
        Assert.Empty(await simulator.SentToAsync("instagram", person));

        var retried = await desk.PostAsync($"/api/desk/conversations/{conversationId}/messages/{failed.GetProperty("messageId").GetGuid()}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        await OutboundAsync(desk, conversationId, m => m.GetProperty("deliveryState").GetInt32() == 3, "the retried reply to be delivered");
        Assert.Single(await simulator.SentToAsync("instagram", person));
    }

    [Fact]
    public async Task A_refused_token_marks_the_account_for_reconnection_on_healthz_until_it_works_again()
    {
        using var simulator = Host.Simulator();
        using var client = Host.NewClient();
        var reconciliation = Host.Host.Services.GetRequiredService<Reconciliation>();
        await simulator.SetFaultsAsync("x", new { tokenExpired = true });
        try
        {
            await reconciliation.RunOnceAsync(Ct);
            var response = await client.GetAsync("/healthz", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var health = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("accounts").GetString());
            Assert.Contains("on X: needs reconnecting", health.GetProperty("details").GetProperty("accounts").GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await simulator.ClearFaultsAsync();
        }
        await reconciliation.RunOnceAsync(Ct);
        var healed = await client.GetFromJsonAsync<JsonElement>("/healthz", Ct);
        Assert.Equal("Healthy", healed.GetProperty("checks").GetProperty("accounts").GetString());
    }

    internal static byte[] MessengerBody(string mid, string psid, string text, DateTimeOffset at, string pageId = PageId)
    {
        var ms = at.ToUnixTimeMilliseconds();
        return Encoding.UTF8.GetBytes(
            $$$"""{"object":"page","entry":[{"id":"{{{pageId}}}","time":{{{ms}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{pageId}}}"},"timestamp":{{{ms}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}""");
    }

    private static byte[] XBody() =>
        Encoding.UTF8.GetBytes("""{"for_user_id":"1500000000000000001","direct_message_events":[]}""");

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] body, string? header, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (header is not null)
            request.Headers.TryAddWithoutValidation(header, signature);
        return await client.SendAsync(request, Ct);
    }

    internal static async Task<Guid> ConversationInQueueAsync(HttpClient desk, string marker)
    {
        var queue = await Eventually.GetAsync(
            () => desk.GetFromJsonAsync<List<JsonElement>>("/api/desk/queue", Ct)!,
            q => q!.Any(i => i.GetProperty("preview").GetString()!.Contains(marker, StringComparison.Ordinal)),
            $"a queue item with {marker}");
        return queue!.First(i => i.GetProperty("preview").GetString()!.Contains(marker, StringComparison.Ordinal)).GetProperty("conversationId").GetGuid();
    }

    internal static async Task<JsonElement> OutboundAsync(HttpClient desk, Guid conversationId, Func<JsonElement, bool> done, string what)
    {
        var view = await Eventually.GetAsync(
            () => desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct),
            v => v.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("direction").GetInt32() == 2 && done(m)),
            what, TimeSpan.FromSeconds(30));
        return view.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("direction").GetInt32() == 2);
    }
}
