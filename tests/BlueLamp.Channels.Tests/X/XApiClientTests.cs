using System.Text.Json;
using BlueLamp.Channels.X;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Channels.Tests.X;

public class XApiClientTests
{
    private static readonly XCredentials Account = new("1598765432109876543", "x-oauth2-user-token");

    [Fact]
    public async Task A_reply_post_names_the_post_it_answers()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(201, "{\"data\":{\"id\":\"1861234567891111111\",\"edit_history_tweet_ids\":[\"1861234567891111111\"],\"text\":\"@markevans_71 The A38 reopened at 11:00.\"}}"));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<XApiClient>().PostReplyAsync(Account, "@markevans_71 The A38 reopened at 11:00.", "1861234567890999001", TestContext.Current.CancellationToken);

        Assert.Equal("1861234567891111111", result.PlatformMessageId);
        Assert.Equal("https://x.com/i/web/status/1861234567891111111", result.Link);
        var request = Assert.Single(platform.Requests);
        Assert.Equal("/2/tweets", request.Path);
        Assert.Equal("Bearer x-oauth2-user-token", request.Headers["Authorization"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("@markevans_71 The A38 reopened at 11:00.", body.GetProperty("text").GetString());
        Assert.Equal("1861234567890999001", body.GetProperty("reply").GetProperty("in_reply_to_tweet_id").GetString());
    }

    [Fact]
    public async Task A_direct_message_goes_to_the_one_to_one_conversation_with_the_person()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(201, "{\"data\":{\"dm_conversation_id\":\"1598765432109876543-3805104374\",\"dm_event_id\":\"1861234567892222222\"}}"));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<XApiClient>().SendDirectMessageAsync(Account, "3805104374", "Thanks, a patrol is attending.", TestContext.Current.CancellationToken);

        Assert.Equal("1861234567892222222", result.PlatformMessageId);
        var request = Assert.Single(platform.Requests);
        Assert.Equal("/2/dm_conversations/with/3805104374/messages", request.Path);
        Assert.Equal("Thanks, a patrol is attending.", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_reply_over_280_weighted_characters_is_refused_before_sending()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(201, "{}"));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<XApiClient>().PostReplyAsync(Account, new string('警', 141), "1", TestContext.Current.CancellationToken);

        Assert.True(result.Failure!.RefusedBeforeSending);
        Assert.Contains("282", result.Failure.Error, StringComparison.Ordinal);
        Assert.Empty(platform.Requests);
    }

    [Fact]
    public async Task A_401_marks_the_account_for_reconnection()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<XApiClient>().SendDirectMessageAsync(Account, "3805104374", "Hello", TestContext.Current.CancellationToken);

        Assert.True(result.Failure!.NeedsReconnect);
        Assert.Equal("X: Unauthorized", result.Failure.Error);
        Assert.Single(platform.Requests);
    }

    [Fact]
    public async Task Mentions_are_polled_since_the_last_seen_id_with_the_fields_the_parser_needs()
    {
        var mentions = SampleFiles.Text("X", "mentions-v2.json");
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(200, mentions));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<XApiClient>().GetMentionsAsync(Account, "1861234567890000000", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Value!.Parsed.Events.Count);
        var request = Assert.Single(platform.Requests);
        Assert.Equal("/2/users/1598765432109876543/mentions", request.Path);
        Assert.Contains("since_id=1861234567890000000", request.Query, StringComparison.Ordinal);
        Assert.Contains("expansions=author_id", request.Query, StringComparison.Ordinal);
        Assert.Contains("created_at", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direct_messages_are_listed_with_the_fields_and_expansions_the_parser_needs()
    {
        var events = SampleFiles.Text("X", "dm-events-v2.json");
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(200, events));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<XApiClient>().ListDirectMessagesAsync(Account, "18LAA581J5II7LA00C00ZZZZ", TestContext.Current.CancellationToken);

        Assert.Equal("1861234567893000002", Assert.Single(result.Value!.Parsed.Events).PlatformMessageId);
        var request = Assert.Single(platform.Requests);
        Assert.Equal("/2/dm_events", request.Path);
        Assert.Contains("dm_event.fields=id,text,event_type,created_at,sender_id", request.Query, StringComparison.Ordinal);
        Assert.Contains("expansions=sender_id", request.Query, StringComparison.Ordinal);
        Assert.Contains("pagination_token=18LAA581J5II7LA00C00ZZZZ", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawn_DM_access_is_a_failure_that_names_the_reason_and_does_not_ask_for_reconnection()
    {
        await using var platform = await FakePlatform.StartAsync((_, _) => new FakeResponse(403, "{\"title\":\"Client Forbidden\",\"detail\":\"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.\",\"reason\":\"client-not-enrolled\",\"type\":\"https://api.twitter.com/2/problems/client-forbidden\"}"));
        using var services = PlatformClients.For(platform);

        var result = await services.GetRequiredService<XApiClient>().ListDirectMessagesAsync(Account, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.False(result.Failure!.NeedsReconnect);
        Assert.StartsWith("X: Client Forbidden: When authenticating", result.Failure.Error, StringComparison.Ordinal);
    }
}
