using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Simulator.Tests.Support;

namespace BlueLamp.Simulator.Tests.Publishing;

/// <summary>The force's own posts through the Graph API: Page feed and photo posts, Instagram content publishing, deletion.</summary>
public sealed class GraphPublishingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Graph(string path) => $"/v24.0/{path}?access_token={SimulatorHarness.PageToken}";

    [Fact]
    public async Task A_page_post_appears_in_the_feed_and_a_delete_takes_it_out()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var created = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.PageId}/feed"), new { message = "Road closed: the A48 is shut eastbound." }, Ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.StartsWith(SimulatorHarness.PageId + "_", id, StringComparison.Ordinal);
        var feed = await sim.GetJsonAsync(Graph($"{SimulatorHarness.PageId}/feed"));
        Assert.Contains(feed.GetProperty("data").EnumerateArray(), p => p.GetProperty("id").GetString() == id);

        using var deleted = await sim.Client.DeleteAsync(Graph(id), Ct);
        Assert.True((await deleted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("success").GetBoolean());
        feed = await sim.GetJsonAsync(Graph($"{SimulatorHarness.PageId}/feed"));
        Assert.DoesNotContain(feed.GetProperty("data").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        using var again = await sim.Client.DeleteAsync(Graph(id), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task An_instagram_image_is_published_from_a_container_once_with_its_alt_text()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var container = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media"), new
        {
            image_url = "https://example.test/ellie.jpg",
            caption = "MISSING: have you seen Ellie, 14?",
            alt_text = "Ellie smiling, long brown hair, school uniform",
        }, Ct);
        container.EnsureSuccessStatusCode();
        var creationId = (await container.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        // A container is not a post until it is published.
        Assert.DoesNotContain((await sim.GetJsonAsync("/simulator/api/posts?platform=instagram")).EnumerateArray(), p => p.GetProperty("text").GetString()!.Contains("Ellie", StringComparison.Ordinal));

        using var published = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media_publish"), new { creation_id = creationId }, Ct);
        published.EnsureSuccessStatusCode();
        var mediaId = (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var post = Assert.Single((await sim.GetJsonAsync("/simulator/api/posts?platform=instagram")).EnumerateArray(), p => p.GetProperty("id").GetString() == mediaId);
        Assert.Equal("Ellie smiling, long brown hair, school uniform", post.GetProperty("altText").GetString());

        using var twice = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media_publish"), new { creation_id = creationId }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }

    [Fact]
    public async Task Comments_turned_off_on_an_instagram_media_refuse_new_comments_and_a_page_post_has_no_such_setting()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var container = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media"), new
        {
            image_url = "https://example.test/cctv.jpg", caption = "UPDATE: a man has been charged.", alt_text = "Clarence Place at night",
        }, Ct);
        var creationId = (await container.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        using var published = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media_publish"), new { creation_id = creationId }, Ct);
        var mediaId = (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        using var closed = await sim.Client.PostAsync(Graph(mediaId) + "&comment_enabled=false", null, Ct);
        Assert.True((await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("success").GetBoolean());
        var person = (await (await sim.Client.PostAsJsonAsync("/simulator/api/people", new { platform = "instagram", name = "Sam" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        using var comment = await sim.Client.PostAsJsonAsync("/simulator/api/comments", new { platform = "instagram", personId = person, text = "He did it", postId = mediaId }, Ct);
        Assert.False(comment.IsSuccessStatusCode);
        Assert.Contains("turned off", await comment.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var page = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.PageId}/feed"), new { message = "UPDATE: a man has been charged." }, Ct);
        var postId = (await page.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        using var refused = await sim.Client.PostAsync(Graph(postId) + "&comment_enabled=false", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
