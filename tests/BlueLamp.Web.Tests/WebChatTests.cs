using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Demo;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests;

public sealed class WebChatTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BlueLampHost Host => fixture.Host;

    private async Task<int> CountMessagesAsync()
    {
        var dbs = Host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        var force = await lookup.Forces.SingleAsync(f => f.Slug == DemoForce.Slug, Ct);
        await using var db = dbs.ForForce(force.Id);
        return await db.Messages.CountAsync(Ct);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? token = null, string force = "demo")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webchat/{force}/messages") { Content = JsonContent.Create(body) };
        if (token is not null)
            request.Headers.Add("X-Visitor-Token", token);
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_message_from_the_public_is_stored_and_read_back_with_the_visitor_token()
    {
        using var client = Host.NewClient();

        var response = await PostAsync(client, new { text = "Someone is trying car doors on Elm Street", clientMessageId = "m-1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var posted = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = posted.GetProperty("visitorToken").GetString()!;
        using var transcriptRequest = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/demo/transcript");
        transcriptRequest.Headers.Add("X-Visitor-Token", token);
        var transcript = await (await client.SendAsync(transcriptRequest, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = Assert.Single(transcript.EnumerateArray());
        Assert.Equal("Someone is trying car doors on Elm Street", message.GetProperty("text").GetString());
        Assert.False(message.GetProperty("fromForce").GetBoolean());
    }

    [Fact]
    public async Task The_same_message_sent_twice_by_a_retrying_browser_is_stored_once()
    {
        using var client = Host.NewClient();
        var first = await (await PostAsync(client, new { text = "first", clientMessageId = "retry-1" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = first.GetProperty("visitorToken").GetString()!;
        var before = await CountMessagesAsync();

        var again = await PostAsync(client, new { text = "first", clientMessageId = "retry-1" }, token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("messageId").GetString(), body.GetProperty("messageId").GetString());
        Assert.Equal(before, await CountMessagesAsync());
    }

    [Fact]
    public async Task Ten_concurrent_deliveries_of_one_message_store_it_once()
    {
        using var client = Host.NewClient();
        var first = await (await PostAsync(client, new { text = "opening", clientMessageId = "c-0" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = first.GetProperty("visitorToken").GetString()!;
        var before = await CountMessagesAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(client, new { text = "same", clientMessageId = "c-1" }, token)));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(before + 1, await CountMessagesAsync());
    }

    [Theory]
    [InlineData("", "m-empty", "text", "Type a message before sending.")]
    [InlineData("hello", "has spaces", "clientMessageId", "clientMessageId must be")]
    public async Task An_invalid_message_gets_a_clear_error_for_its_field_and_nothing_is_stored(string text, string clientId, string field, string expected)
    {
        using var client = Host.NewClient();
        var before = await CountMessagesAsync();

        var response = await PostAsync(client, new { text, clientMessageId = clientId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.StartsWith(expected, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountMessagesAsync());
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_refused_and_nothing_is_stored()
    {
        using var client = Host.NewClient();
        var before = await CountMessagesAsync();

        var response = await PostAsync(client, new { text = new string('a', 2001), clientMessageId = "long-1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2001 characters", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await CountMessagesAsync());
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_400_and_nothing_is_stored()
    {
        using var client = Host.NewClient();
        var before = await CountMessagesAsync();

        var response = await client.PostAsync("/api/webchat/demo/messages", new StringContent("{\"text\": \"unterminated", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountMessagesAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_and_nothing_is_stored()
    {
        using var client = Host.NewClient();
        var before = await CountMessagesAsync();
        var huge = "{\"text\": \"" + new string('a', 64 * 1024) + "\", \"clientMessageId\": \"big\"}";

        var response = await client.PostAsync("/api/webchat/demo/messages", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountMessagesAsync());
    }

    [Fact]
    public async Task A_forged_visitor_token_is_refused()
    {
        using var client = Host.NewClient();

        var response = await PostAsync(client, new { text = "hi", clientMessageId = "x1" }, token: "not-a-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("visitorToken", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_force_that_does_not_exist_has_no_chat_page_and_no_api()
    {
        using var client = Host.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, new { text = "hi", clientMessageId = "x" }, force: "atlantis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/chat/atlantis", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_public_chat_page_needs_no_login_and_tells_people_in_danger_to_call_999()
    {
        using var client = Host.NewClient();

        var response = await client.GetAsync("/chat/demo", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Contact Demo Constabulary", html, StringComparison.Ordinal);
        Assert.Contains("call <strong>999</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_sending_too_fast_is_asked_to_wait_and_reminded_of_999()
    {
        using var client = Host.NewClient();
        var first = await (await PostAsync(client, new { text = "1", clientMessageId = "r-0" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = first.GetProperty("visitorToken").GetString()!;
        for (var i = 1; i <= 10; i++)
            Assert.True((await PostAsync(client, new { text = $"{i}", clientMessageId = $"r-{i}" }, token)).IsSuccessStatusCode);
        var before = await CountMessagesAsync();

        var refused = await PostAsync(client, new { text = "one too many", clientMessageId = "r-11" }, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("999", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await CountMessagesAsync());
    }

    [Fact]
    public async Task An_operators_reply_reaches_the_visitors_live_stream()
    {
        using var visitor = Host.NewClient();
        var posted = await (await PostAsync(visitor, new { text = "Is anyone there?", clientMessageId = "s-1" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = posted.GetProperty("visitorToken").GetString()!;
        using var stream = await visitor.GetStreamAsync($"/api/webchat/demo/stream?token={token}", Ct);
        using var reader = new StreamReader(stream);
        Assert.Contains("Is anyone there?", await ReadEventAsync(reader), StringComparison.Ordinal);

        using var operatorClient = await Host.LoginAsync("Operator");
        var conversationId = await ConversationOfAsync(posted.GetProperty("messageId").GetGuid());
        var reply = await operatorClient.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = "Yes, PC Jones here. How can we help?" }, Ct);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var pushed = await ReadEventAsync(reader);
        Assert.Contains("Yes, PC Jones here. How can we help?", pushed, StringComparison.Ordinal);
        Assert.Contains("\"fromForce\":true", pushed, StringComparison.Ordinal);
        Assert.Contains("Demo Constabulary", pushed, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo Operator", pushed, StringComparison.Ordinal);
    }

    private async Task<Guid> ConversationOfAsync(Guid messageId)
    {
        var dbs = Host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        var force = await lookup.Forces.SingleAsync(f => f.Slug == DemoForce.Slug, Ct);
        await using var db = dbs.ForForce(force.Id);
        return await db.Messages.Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
    }

    private static async Task<string> ReadEventAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("data:", StringComparison.Ordinal))
                data.Append(line.AsSpan(5));
            else if (line.Length == 0 && data.Length > 0)
                return data.ToString();
        }
    }
}
