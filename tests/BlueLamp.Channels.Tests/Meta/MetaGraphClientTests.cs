using System.Text.Json;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Channels.Tests.Meta;

public class MetaGraphClientTests
{
    private static readonly MetaAccountCredentials Page = new(Platform.Facebook, "104857600123456", "EAAG-page-token");
    private static readonly MetaAccountCredentials InstagramAccount = new(Platform.Instagram, "17841400000000001", "IGQ-token");
    private static readonly MessagingWindowDecision Open = new(MessagingMode.Standard, null);

    private static FakeResponse Sent() => new(200, "{\"recipient_id\":\"7203948571234567\",\"message_id\":\"m_sent_0001\"}");

    private static JsonElement Json(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task A_reply_inside_the_window_is_sent_as_a_RESPONSE_with_the_token_in_the_header()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => Sent());
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<MetaGraphClient>().SendMessageAsync(Page, "7203948571234567", "Officers are on their way.", Open, TestContext.Current.CancellationToken);

        Assert.True(result.IsSent);
        Assert.Equal("m_sent_0001", result.PlatformMessageId);
        var request = Assert.Single(platform.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/graph/v24.0/104857600123456/messages", request.Path);
        Assert.Equal("Bearer EAAG-page-token", request.Headers["Authorization"]);
        Assert.DoesNotContain("token", request.Query, StringComparison.Ordinal);
        var body = Json(request);
        Assert.Equal("7203948571234567", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());
        Assert.False(body.TryGetProperty("tag", out _));
        Assert.Equal("Officers are on their way.", body.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_reply_after_24_hours_is_sent_with_the_HUMAN_AGENT_tag()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => Sent());
        using var services = PlatformClients.For(platform);
        var now = DateTimeOffset.UtcNow;

        await services.GetRequiredService<MetaGraphClient>().SendMessageAsync(Page, "7203948571234567", "Following up on your report.", MessagingWindow.ForReply(now.AddDays(-2), now), TestContext.Current.CancellationToken);

        var body = Json(Assert.Single(platform.Requests));
        Assert.Equal("MESSAGE_TAG", body.GetProperty("messaging_type").GetString());
        Assert.Equal("HUMAN_AGENT", body.GetProperty("tag").GetString());
    }

    [Fact]
    public async Task A_reply_outside_the_window_is_refused_without_calling_Meta()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => Sent());
        using var services = PlatformClients.For(platform);
        var now = DateTimeOffset.UtcNow;

        var result = await services.GetRequiredService<MetaGraphClient>().SendMessageAsync(Page, "7203948571234567", "Hello again.", MessagingWindow.ForReply(now.AddDays(-9), now), TestContext.Current.CancellationToken);

        Assert.False(result.IsSent);
        Assert.True(result.Failure!.RefusedBeforeSending);
        Assert.Contains("7 days", result.Failure.Error, StringComparison.Ordinal);
        Assert.Empty(platform.Requests);
    }

    [Fact]
    public async Task A_private_reply_names_the_comment_as_recipient()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => Sent());
        using var services = PlatformClients.For(platform);

        await services.GetRequiredService<MetaGraphClient>().SendPrivateReplyAsync(Page, "998877665544_1122334455", "Could you message us the details?", Open, TestContext.Current.CancellationToken);

        var body = Json(Assert.Single(platform.Requests));
        Assert.Equal("998877665544_1122334455", body.GetProperty("recipient").GetProperty("comment_id").GetString());
        Assert.False(body.GetProperty("recipient").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Comment_replies_go_to_comments_on_Facebook_and_replies_on_Instagram()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(200, "{\"id\":\"998877665544_9999\"}"));
        using var services = PlatformClients.For(platform);
        var client = services.GetRequiredService<MetaGraphClient>();

        var facebook = await client.ReplyToCommentAsync(Page, "998877665544_1122334455", "Thank you, passed to the team.", TestContext.Current.CancellationToken);
        await client.ReplyToCommentAsync(InstagramAccount, "17987654321098765", "Thank you!", TestContext.Current.CancellationToken);

        Assert.Equal("998877665544_9999", facebook.PlatformMessageId);
        Assert.Equal(
            ["/graph/v24.0/998877665544_1122334455/comments", "/graph/v24.0/17987654321098765/replies"],
            platform.Requests.Select(r => r.Path));
        Assert.Equal("Thank you, passed to the team.", Json(platform.Requests.First()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_and_then_succeeds()
    {
        await using var platform = await FakePlatform.StartAsync((_, count) => count == 0
            ? new FakeResponse(429, "{\"error\":{\"message\":\"(#613) Calls to this api have exceeded the rate limit.\",\"type\":\"OAuthException\",\"code\":613}}", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : Sent());
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<MetaGraphClient>().SendMessageAsync(Page, "7203948571234567", "Thanks.", Open, TestContext.Current.CancellationToken);

        Assert.True(result.IsSent);
        Assert.Equal(2, platform.Requests.Count);
    }

    [Fact]
    public async Task Repeated_server_errors_end_as_a_retryable_failure_with_Metas_error()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) =>
            new FakeResponse(500, "{\"error\":{\"message\":\"An unexpected error has occurred. Please retry your request later.\",\"type\":\"OAuthException\",\"is_transient\":true,\"code\":2,\"fbtrace_id\":\"AbC123\"}}"));
        using var services = PlatformClients.For(platform, maxRetries: 2);

        var result = await services.GetRequiredService<MetaGraphClient>().SendMessageAsync(Page, "7203948571234567", "Thanks.", Open, TestContext.Current.CancellationToken);

        Assert.False(result.IsSent);
        Assert.Equal(3, platform.Requests.Count);
        Assert.True(result.Failure!.Retryable);
        Assert.False(result.Failure.NeedsReconnect);
        Assert.Equal(500, result.Failure.HttpStatus);
        Assert.Contains("An unexpected error has occurred", result.Failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_marks_the_account_for_reconnection_and_is_not_retried()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) =>
            new FakeResponse(400, "{\"error\":{\"message\":\"Error validating access token: The session has been invalidated because the user changed their password.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"Xy9\"}}"));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<MetaGraphClient>().SendMessageAsync(Page, "7203948571234567", "Thanks.", Open, TestContext.Current.CancellationToken);

        Assert.True(result.Failure!.NeedsReconnect);
        Assert.False(result.Failure.Retryable);
        Assert.Equal("190/460", result.Failure.PlatformCode);
        Assert.Single(platform.Requests);
    }

    [Fact]
    public async Task Recent_conversations_are_read_into_the_same_events_webhooks_give()
    {
        const string listing = """
            {"data":[{"id":"t_10161234","updated_time":"2026-11-24T10:20:00+0000","messages":{"data":[
              {"id":"m_fromPage","message":"We are looking into it.","created_time":"2026-11-24T10:20:00+0000","from":{"name":"Northshire Police","id":"104857600123456"}},
              {"id":"m_wX9kTq3LmP2vN8rY4sZ1aB6cD0eF7gH","message":"Hi, someone has been trying car door handles","created_time":"2026-11-24T10:13:32+0000","from":{"name":"Alex Morgan","email":"7203948571234567@facebook.com","id":"7203948571234567"}}
            ]}}],"paging":{"cursors":{"before":"a","after":"b"}}}
            """;
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(200, listing));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<MetaGraphClient>().ListRecentMessagesAsync(Page, cancellationToken: TestContext.Current.CancellationToken);

        var message = Assert.Single(result.Value!);
        Assert.Equal("m_wX9kTq3LmP2vN8rY4sZ1aB6cD0eF7gH", message.PlatformMessageId);
        Assert.Equal("dm:7203948571234567", message.ThreadKey);
        Assert.Equal("Alex Morgan", message.SenderName);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 13, 32, TimeSpan.Zero), message.SentAt);
        var request = Assert.Single(platform.Requests);
        Assert.Equal("/graph/v24.0/104857600123456/conversations", request.Path);
        Assert.Contains("platform=messenger", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_comments_including_replies_are_read_for_reconciliation()
    {
        const string listing = """
            {"data":[{"id":"104857600123456_998877665544","permalink_url":"https://www.facebook.com/104857600123456/posts/pfbid0MissingJack","comments":{"data":[
              {"id":"998877665544_1122334455","message":"I think I saw him at the bus station","created_time":"2026-11-24T10:43:20+0000","from":{"name":"Sarah Jones","id":"5551234567890123"}},
              {"id":"998877665544_2233445566","message":"Same here","created_time":"2026-11-24T10:46:40+0000","from":{"name":"Tom Price","id":"6662345678901234"},"parent":{"id":"998877665544_1122334455"}}
            ]}}]}
            """;
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(200, listing));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<MetaGraphClient>().ListRecentCommentsAsync(Page, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Value!.Count);
        Assert.Equal("comments:104857600123456_998877665544:5551234567890123", result.Value[0].ThreadKey);
        Assert.Equal("998877665544_1122334455", result.Value[1].ParentCommentId);
        Assert.Equal("/graph/v24.0/104857600123456/posts", Assert.Single(platform.Requests).Path);
    }
}
