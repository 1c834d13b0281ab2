using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Simulator.Tests.Support;

namespace BlueLamp.Simulator.Tests.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task Duplicate_delivery_sends_the_same_event_the_given_number_of_times()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Sam Evans");
        await sim.ControlAsync("faults/facebook", new { duplicateCopies = 3 });

        var sent = await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "Is anyone there?" });

        var webhooks = await sim.WaitForWebhooksAsync("meta", 3);
        Assert.Equal(3, webhooks.Count);
        Assert.Single(webhooks.Select(w => w.Text).Distinct());
        Assert.Single(webhooks.Select(w => w.Headers["x-hub-signature-256"]).Distinct());
        var delivery = sent.GetProperty("delivery");
        Assert.Equal("delivered", delivery.GetProperty("outcome").GetString());
        Assert.Equal(3, delivery.GetProperty("copies").GetInt32());
    }

    [Fact]
    public async Task Dropped_webhooks_deliver_nothing_but_the_conversations_endpoint_lists_the_message()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Nia Thomas");
        await sim.ControlAsync("faults/facebook", new { dropWebhooks = true });

        var sent = await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "Did you get my message about the car?" });

        Assert.Equal("dropped", sent.GetProperty("delivery").GetProperty("outcome").GetString());
        Assert.Empty(await sim.WaitForWebhooksAsync("meta", 1, TimeSpan.FromMilliseconds(500)));
        var conversations = await sim.GetJsonAsync($"/v23.0/{SimulatorHarness.PageId}/conversations?fields=messages{{id,message,from}}&access_token={SimulatorHarness.PageToken}");
        var listed = conversations.GetProperty("data").EnumerateArray()
            .SelectMany(c => c.GetProperty("messages").GetProperty("data").EnumerateArray())
            .Single(m => m.GetProperty("id").GetString() == sent.GetProperty("id").GetString());
        Assert.Equal("Did you get my message about the car?", listed.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Out_of_order_delivery_holds_webhooks_and_sends_them_newest_first()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("x", "Dai Morgan");
        await sim.ControlAsync("faults/x", new { outOfOrder = true, outOfOrderBatch = 3 });

        var ids = new List<string>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            ids.Add((await sim.ControlAsync("messages", new { platform = "x", personId = person, text })).GetProperty("id").GetString()!);
        }

        var webhooks = await sim.WaitForWebhooksAsync("x", 3);
        var arrived = webhooks.Select(w => w.Json().RootElement.GetProperty("direct_message_events")[0].GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), arrived);
    }

    [Fact]
    public async Task The_rate_limit_fault_answers_429_with_Retry_After_and_Metas_throttling_code()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Huw Roberts");
        await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "hello" });
        await sim.ControlAsync("faults/facebook", new { rateLimited = true, retryAfterSeconds = 7, forCalls = 1 });
        var body = new { recipient = new { id = person }, messaging_type = "RESPONSE", message = new { text = "Hello Huw" } };
        var path = $"/v23.0/{SimulatorHarness.PageId}/messages?access_token={SimulatorHarness.PageToken}";

        using var limited = await sim.Client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        using var retried = await sim.Client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(613, (await limited.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetProperty("code").GetInt32());
        Assert.True(limited.Headers.Contains("X-Business-Use-Case-Usage"));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task The_rate_limit_fault_on_X_answers_429_with_the_x_rate_limit_headers()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync("faults/x", new { rateLimited = true, retryAfterSeconds = 60 });

        using var response = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Get, $"/2/users/{SimulatorHarness.XUserId}/mentions", SimulatorHarness.XAppToken), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("0", response.Headers.GetValues("x-rate-limit-remaining").Single());
        var reset = long.Parse(response.Headers.GetValues("x-rate-limit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 50, 70);
        Assert.Equal(429, (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Server_errors_and_an_expired_token_answer_in_each_platforms_shape()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync("faults/facebook", new { tokenExpired = true });
        await sim.ControlAsync("faults/x", new { serverErrors = true });

        using var graph = await sim.Client.GetAsync($"/v23.0/{SimulatorHarness.PageId}/conversations?access_token={SimulatorHarness.PageToken}", TestContext.Current.CancellationToken);
        using var x = await sim.Client.SendAsync(SimulatorHarness.Authorized(HttpMethod.Get, $"/2/users/{SimulatorHarness.XUserId}/mentions", SimulatorHarness.XAppToken), TestContext.Current.CancellationToken);

        var error = (await graph.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error");
        Assert.Equal(190, error.GetProperty("code").GetInt32());
        Assert.Equal(463, error.GetProperty("error_subcode").GetInt32());
        Assert.Equal(HttpStatusCode.InternalServerError, x.StatusCode);
    }

    [Fact]
    public async Task A_webhook_BlueLamp_refuses_is_retried_until_acknowledged()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Cai Owen");
        sim.WebhookStatus = 503;

        var sent = await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "Hello?" });
        Assert.Equal("retrying", sent.GetProperty("delivery").GetProperty("outcome").GetString());
        sim.WebhookStatus = 200;

        var webhooks = await sim.WaitForWebhooksAsync("meta", 2);
        Assert.Equal(2, webhooks.Count);
        Assert.Equal(webhooks[0].Text, webhooks[1].Text);
    }
}
