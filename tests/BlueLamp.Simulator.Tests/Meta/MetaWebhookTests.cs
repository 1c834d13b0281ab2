using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlueLamp.Simulator.Tests.Support;

namespace BlueLamp.Simulator.Tests.Meta;

public sealed class MetaWebhookTests
{
    [Fact]
    public async Task A_Messenger_message_arrives_with_a_signature_over_the_exact_bytes_and_escaped_unicode()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Siân Llewelyn");

        var sent = await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "Mae ’na ddyn yn yr ardd 😟 — please help" });

        var webhook = Assert.Single(await sim.WaitForWebhooksAsync("meta", 1));
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SimulatorHarness.AppSecret), webhook.Body));
        Assert.Equal(expected, webhook.Headers["x-hub-signature-256"]);
        Assert.All(webhook.Body, b => Assert.True(b < 0x80, "Meta sends only ASCII: everything else is \\u-escaped"));
        Assert.Contains("\\ud83d\\ude1f", webhook.Text, StringComparison.Ordinal);
        Assert.Contains("\\u2019", webhook.Text, StringComparison.Ordinal);

        using var json = webhook.Json();
        var root = json.RootElement;
        Assert.Equal("page", root.GetProperty("object").GetString());
        var entry = root.GetProperty("entry")[0];
        Assert.Equal(SimulatorHarness.PageId, entry.GetProperty("id").GetString());
        var messaging = entry.GetProperty("messaging")[0];
        Assert.Equal(person, messaging.GetProperty("sender").GetProperty("id").GetString());
        Assert.Equal(SimulatorHarness.PageId, messaging.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(sent.GetProperty("id").GetString(), messaging.GetProperty("message").GetProperty("mid").GetString());
        Assert.Equal("Mae ’na ddyn yn yr ardd 😟 — please help", messaging.GetProperty("message").GetProperty("text").GetString());
        Assert.True(messaging.GetProperty("timestamp").GetInt64() > 1_600_000_000_000, "timestamps are in milliseconds");
    }

    [Fact]
    public async Task A_re_serialised_body_no_longer_matches_the_signature()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Zoë Price");
        await sim.ControlAsync("messages", new { platform = "facebook", personId = person, text = "Café closed, see https://example.org/a" });

        var webhook = Assert.Single(await sim.WaitForWebhooksAsync("meta", 1));
        var reserialised = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(webhook.Body).RootElement);
        var signatureOfReserialised = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SimulatorHarness.AppSecret), reserialised));

        Assert.Contains("https:\\/\\/example.org\\/a", webhook.Text, StringComparison.Ordinal);
        Assert.NotEqual(webhook.Headers["x-hub-signature-256"], signatureOfReserialised);
    }

    [Fact]
    public async Task A_page_comment_and_its_edit_and_removal_arrive_as_feed_changes_with_their_verbs()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("facebook", "Gareth Hughes");

        var comment = await sim.ControlAsync("comments", new { platform = "facebook", personId = person, text = "I think I saw her near the bus station at 4pm" });
        var commentId = comment.GetProperty("id").GetString()!;
        await sim.ControlAsync($"comments/{commentId}/edit", new { text = "I saw her near the bus station at 4pm, by the shelter" });
        using (var delete = await sim.Client.DeleteAsync($"/simulator/api/comments/{commentId}", TestContext.Current.CancellationToken))
        {
            delete.EnsureSuccessStatusCode();
        }

        var webhooks = await sim.WaitForWebhooksAsync("meta", 3);
        var values = webhooks.Select(w => w.Json().RootElement.GetProperty("entry")[0].GetProperty("changes")[0]).ToList();
        Assert.All(values, change => Assert.Equal("feed", change.GetProperty("field").GetString()));
        Assert.Equal(["add", "edited", "remove"], values.Select(c => c.GetProperty("value").GetProperty("verb").GetString()));
        var added = values[0].GetProperty("value");
        Assert.Equal("comment", added.GetProperty("item").GetString());
        Assert.Equal(commentId, added.GetProperty("comment_id").GetString());
        Assert.Equal(comment.GetProperty("threadId").GetString(), added.GetProperty("post_id").GetString());
        Assert.Equal(added.GetProperty("post_id").GetString(), added.GetProperty("parent_id").GetString());
        Assert.Equal(person, added.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("Gareth Hughes", added.GetProperty("from").GetProperty("name").GetString());
        Assert.False(values[2].GetProperty("value").TryGetProperty("message", out _), "a removal carries no text");
    }

    [Fact]
    public async Task An_Instagram_DM_and_comment_arrive_in_the_instagram_object_shapes()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var person = await sim.PersonAsync("instagram", "Mo Ahmed", "mo.ahmed");

        await sim.ControlAsync("messages", new { platform = "instagram", personId = person, text = "Someone is following me home" });
        var comment = await sim.ControlAsync("comments", new { platform = "instagram", personId = person, text = "Thanks for being out tonight" });

        var webhooks = await sim.WaitForWebhooksAsync("meta", 2);
        var dm = webhooks[0].Json().RootElement;
        Assert.Equal("instagram", dm.GetProperty("object").GetString());
        Assert.Equal(SimulatorHarness.InstagramId, dm.GetProperty("entry")[0].GetProperty("id").GetString());
        Assert.Equal(person, dm.GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("sender").GetProperty("id").GetString());
        var change = webhooks[1].Json().RootElement.GetProperty("entry")[0].GetProperty("changes")[0];
        Assert.Equal("comments", change.GetProperty("field").GetString());
        var value = change.GetProperty("value");
        Assert.Equal(comment.GetProperty("id").GetString(), value.GetProperty("id").GetString());
        Assert.Equal("mo.ahmed", value.GetProperty("from").GetProperty("username").GetString());
        Assert.Equal(comment.GetProperty("threadId").GetString(), value.GetProperty("media").GetProperty("id").GetString());
        Assert.Equal("Thanks for being out tonight", value.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_subscription_check_passes_against_an_endpoint_that_echoes_the_challenge()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var result = await sim.ControlAsync("handshakes/meta", new { });

        Assert.True(result.GetProperty("passed").GetBoolean(), result.GetProperty("detail").GetString());
    }
}
