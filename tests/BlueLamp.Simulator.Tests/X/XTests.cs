using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlueLamp.Simulator.Tests.Support;

namespace BlueLamp.Simulator.Tests.X;

public sealed class XTests
{
    [Fact]
    public async Task An_X_DM_arrives_with_a_base64_signature_that_verifies_and_the_users_map()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("x", "Dylan Pryce", "dylanp");

        var sent = await sim.ControlAsync("messages", new { platform = "x", personId = person, text = "My car was broken into on Heol y Nant" });

        var webhook = Assert.Single(await sim.WaitForWebhooksAsync("x", 1));
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SimulatorHarness.ConsumerSecret), webhook.Body));
        Assert.Equal(expected, webhook.Headers["x-twitter-webhooks-signature"]);
        var root = webhook.Json().RootElement;
        Assert.Equal(SimulatorHarness.XUserId, root.GetProperty("for_user_id").GetString());
        var dm = root.GetProperty("direct_message_events")[0];
        Assert.Equal("message_create", dm.GetProperty("type").GetString());
        Assert.Equal(sent.GetProperty("id").GetString(), dm.GetProperty("id").GetString());
        Assert.Equal(person, dm.GetProperty("message_create").GetProperty("sender_id").GetString());
        Assert.Equal(SimulatorHarness.XUserId, dm.GetProperty("message_create").GetProperty("target").GetProperty("recipient_id").GetString());
        Assert.Equal("dylanp", root.GetProperty("users").GetProperty(person).GetProperty("screen_name").GetString());
    }

    [Fact]
    public async Task A_mention_arrives_as_a_tweet_create_event_and_a_long_one_carries_extended_tweet()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("x", "Eira Wyn");
        var text = "Huge queue of traffic on the A48 by the retail park and there's a lorry on its side blocking both lanes, people are getting out of their cars to look. Please send someone";

        await sim.ControlAsync("mentions", new { platform = "x", personId = person, text });

        var tweet = Assert.Single(await sim.WaitForWebhooksAsync("x", 1)).Json().RootElement.GetProperty("tweet_create_events")[0];
        Assert.True(tweet.GetProperty("truncated").GetBoolean());
        Assert.Equal($"@DemoConstab {text}", tweet.GetProperty("extended_tweet").GetProperty("full_text").GetString());
        Assert.Equal(tweet.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), tweet.GetProperty("id_str").GetString());
        Assert.Equal("DemoConstab", tweet.GetProperty("entities").GetProperty("user_mentions")[0].GetProperty("screen_name").GetString());
    }

    [Fact]
    public async Task The_CRC_check_passes_against_an_endpoint_that_answers_correctly()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var result = await sim.ControlAsync("handshakes/x", new { });

        Assert.True(result.GetProperty("passed").GetBoolean(), result.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Mentions_are_listed_newest_first_after_since_id_and_a_reply_reaches_the_person()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("x", "Iolo Bevan");
        var first = (await sim.ControlAsync("mentions", new { platform = "x", personId = person, text = "first sighting" })).GetProperty("id").GetString();
        var second = (await sim.ControlAsync("mentions", new { platform = "x", personId = person, text = "second sighting" })).GetProperty("id").GetString();
        var third = (await sim.ControlAsync("mentions", new { platform = "x", personId = person, text = "third sighting" })).GetProperty("id").GetString();

        using var listing = await sim.Client.SendAsync(SimulatorHarness.Authorized(
            HttpMethod.Get, $"/2/users/{SimulatorHarness.XUserId}/mentions?since_id={first}&tweet.fields=author_id,created_at&expansions=author_id", SimulatorHarness.XAppToken), TestContext.Current.CancellationToken);
        listing.EnsureSuccessStatusCode();
        var page = await listing.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal([third, second], page.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(third, page.GetProperty("meta").GetProperty("newest_id").GetString());
        Assert.Equal(person, page.GetProperty("includes").GetProperty("users")[0].GetProperty("id").GetString());
        Assert.True(listing.Headers.Contains("x-rate-limit-remaining"));

        using var reply = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/2/tweets", SimulatorHarness.XUserToken,
            new { text = "@iolo Thanks, officers are on their way.", reply = new { in_reply_to_tweet_id = third } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var thread = (await sim.GetJsonAsync($"/simulator/api/people/x/{person}/thread")).EnumerateArray().ToList();
        Assert.Equal("@iolo Thanks, officers are on their way.", thread[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_app_only_token_may_read_mentions_but_not_send_a_DM()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("x", "Lowri Hill");

        using var dm = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, $"/2/dm_conversations/with/{person}/messages", SimulatorHarness.XAppToken, new { text = "hello" }), TestContext.Current.CancellationToken);
        using var userDm = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, $"/2/dm_conversations/with/{person}/messages", SimulatorHarness.XUserToken, new { text = "hello" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, dm.StatusCode);
        Assert.Equal(HttpStatusCode.Created, userDm.StatusCode);
        var data = (await userDm.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("data");
        Assert.Contains(person, data.GetProperty("dm_conversation_id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tweet_over_280_weighted_characters_is_refused()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var emoji = string.Concat(Enumerable.Repeat("🚓", 141));

        using var response = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Post, "/2/tweets", SimulatorHarness.XUserToken, new { text = emoji }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
