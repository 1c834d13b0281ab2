using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Simulator.Tests.Support;

namespace BlueLamp.Simulator.Tests.Meta;

public sealed class GraphApiTests
{
    private const string Messages = $"/v23.0/{SimulatorHarness.PageId}/messages?access_token={SimulatorHarness.PageToken}";

    [Fact]
    public async Task A_reply_outside_the_24_hour_window_without_a_tag_gets_Metas_window_error()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Alys Rees");
        await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "Any news about my bike?", at = DateTimeOffset.UtcNow.AddHours(-30) });

        using var response = await sim.Client.PostAsJsonAsync(Messages, new
        {
            recipient = new { id = person },
            messaging_type = "RESPONSE",
            message = new { text = "Sorry for the delay, an officer will call you." },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error");
        Assert.Equal(10, error.GetProperty("code").GetInt32());
        Assert.Equal(2018278, error.GetProperty("error_subcode").GetInt32());
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.StartsWith("(#10) This message is sent outside of allowed window.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(error.TryGetProperty("fbtrace_id", out _));
        var sent = await sim.GetJsonAsync($"/simulator/api/people/facebook/{person}/sent");
        Assert.Equal(0, sent.GetArrayLength());
    }

    [Fact]
    public async Task A_human_agent_reply_within_seven_days_is_accepted_outside_the_24_hours()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Alys Rees");
        await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "Any news about my bike?", at = DateTimeOffset.UtcNow.AddDays(-3) });

        using var response = await sim.Client.PostAsJsonAsync(Messages, new
        {
            recipient = new { id = person },
            messaging_type = "MESSAGE_TAG",
            tag = "HUMAN_AGENT",
            message = new { text = "An officer has your report and will call today." },
        }, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        var sent = Assert.Single((await sim.GetJsonAsync($"/simulator/api/people/facebook/{person}/sent")).EnumerateArray());
        Assert.Equal("HUMAN_AGENT", sent.GetProperty("sendMode").GetString());
    }

    [Fact]
    public async Task A_reply_sent_through_the_Send_API_shows_up_in_the_persons_thread_and_comes_back_as_an_echo()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Bethan Lloyd");
        await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "My neighbour's door has been open all day" });

        using var response = await sim.Client.PostAsJsonAsync(Messages, new
        {
            recipient = new { id = person },
            messaging_type = "RESPONSE",
            message = new { text = "Thank you, we are sending an officer to check." },
        }, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(person, answer.GetProperty("recipient_id").GetString());
        var messageId = answer.GetProperty("message_id").GetString()!;
        Assert.StartsWith("m_", messageId, StringComparison.Ordinal);
        var thread = (await sim.GetJsonAsync($"/simulator/api/people/facebook/{person}/thread")).EnumerateArray().ToList();
        Assert.Equal(2, thread.Count);
        Assert.True(thread[1].GetProperty("byAccount").GetBoolean());
        Assert.Equal("Thank you, we are sending an officer to check.", thread[1].GetProperty("text").GetString());

        var webhooks = await sim.WaitForWebhooksAsync("meta", 2);
        var echo = webhooks[1].Json().RootElement.GetProperty("entry")[0].GetProperty("messaging")[0];
        Assert.True(echo.GetProperty("message").GetProperty("is_echo").GetBoolean());
        Assert.Equal(messageId, echo.GetProperty("message").GetProperty("mid").GetString());
        Assert.Equal(SimulatorHarness.PageId, echo.GetProperty("sender").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_comment_reply_through_the_Graph_API_shows_up_under_the_comment()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Owain Davies");
        var comment = await sim.ControlAsync("comments", new { platform = "facebook", personId = person, text = "Is the road open again?" });
        var commentId = comment.GetProperty("id").GetString()!;

        using var reply = await sim.Client.PostAsync(
            $"/v23.0/{commentId}/comments",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["message"] = "Yes, it reopened at 6pm.", ["access_token"] = SimulatorHarness.PageToken }), TestContext.Current.CancellationToken);
        reply.EnsureSuccessStatusCode();
        var replyId = (await reply.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString();

        var listed = await sim.GetJsonAsync($"/v23.0/{commentId}/comments?fields=id,message,from&access_token={SimulatorHarness.PageToken}");
        var only = Assert.Single(listed.GetProperty("data").EnumerateArray());
        Assert.Equal(replyId, only.GetProperty("id").GetString());
        Assert.Equal(SimulatorHarness.PageId, only.GetProperty("from").GetProperty("id").GetString());
        var thread = (await sim.GetJsonAsync($"/simulator/api/people/facebook/{person}/thread")).EnumerateArray().ToList();
        Assert.Equal("Yes, it reopened at 6pm.", thread[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_private_reply_to_a_comment_is_allowed_once()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Rhodri James");
        var comment = await sim.ControlAsync("comments", new { platform = "facebook", personId = person, text = "I have dashcam footage of the crash" });
        var body = new { recipient = new { comment_id = comment.GetProperty("id").GetString() }, message = new { text = "Thank you, please send it to us here." } };

        using var first = await sim.Client.PostAsJsonAsync(Messages, body, TestContext.Current.CancellationToken);
        using var second = await sim.Client.PostAsJsonAsync(Messages, body, TestContext.Current.CancellationToken);

        first.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(10900, (await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_wrong_token_gets_error_190_and_a_missing_one_error_104()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var wrong = await sim.Client.GetAsync($"/v23.0/{SimulatorHarness.PageId}/conversations?access_token=nonsense", TestContext.Current.CancellationToken);
        using var missing = await sim.Client.GetAsync($"/v23.0/{SimulatorHarness.PageId}/conversations", TestContext.Current.CancellationToken);

        Assert.Equal(190, (await wrong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("invalid_token", wrong.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(104, (await missing.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Conversations_list_messages_newest_first_with_the_fields_asked_for()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Ffion Morgan");
        await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "first", at = DateTimeOffset.UtcNow.AddMinutes(-5) });
        await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "second" });

        var bare = await sim.GetJsonAsync($"/v23.0/{SimulatorHarness.PageId}/conversations?fields=messages&user_id={person}&access_token={SimulatorHarness.PageToken}");
        var full = await sim.GetJsonAsync($"/v23.0/{SimulatorHarness.PageId}/conversations?fields=messages{{id,message,created_time,from}},updated_time&user_id={person}&access_token={SimulatorHarness.PageToken}");

        var bareMessage = bare.GetProperty("data")[0].GetProperty("messages").GetProperty("data")[0];
        Assert.False(bareMessage.TryGetProperty("message", out _), "without sub-fields Graph gives only id and created_time");
        var messages = full.GetProperty("data")[0].GetProperty("messages").GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["second", "first"], messages.Select(m => m.GetProperty("message").GetString()));
        Assert.Equal(person, messages[0].GetProperty("from").GetProperty("id").GetString());
        Assert.EndsWith("+0000", messages[0].GetProperty("created_time").GetString(), StringComparison.Ordinal);
    }
}
