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
    public async Task Several_unpublished_photos_attached_to_one_page_post_appear_once_with_each_alt_text()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var ids = new List<string>();
        foreach (var (url, alt) in new[] { ("https://example.test/van.jpg", "A white Transit van, side view"), ("https://example.test/plate.jpg", "The van's rear number plate, partly obscured") })
        {
            using var photo = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.PageId}/photos"), new { url, alt_text_custom = alt, published = false }, Ct);
            photo.EnsureSuccessStatusCode();
            ids.Add((await photo.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
        }
        // Unpublished photos are in no feed until a post carries them.
        Assert.DoesNotContain((await sim.GetJsonAsync("/simulator/api/posts?platform=facebook")).EnumerateArray(), p => p.GetProperty("text").GetString()!.Contains("Transit", StringComparison.Ordinal));

        // Graph takes attached_media as indexed form fields too, each a JSON object.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["message"] = "APPEAL: have you seen this Transit van in Malpas?",
            ["attached_media[0]"] = $"{{\"media_fbid\":\"{ids[0]}\"}}",
            ["attached_media[1]"] = $"{{\"media_fbid\":\"{ids[1]}\"}}",
        });
        using var created = await sim.Client.PostAsync(Graph($"{SimulatorHarness.PageId}/feed"), form, Ct);
        created.EnsureSuccessStatusCode();
        var postId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var post = Assert.Single((await sim.GetJsonAsync("/simulator/api/posts?platform=facebook")).EnumerateArray(), p => p.GetProperty("id").GetString() == postId);
        Assert.Equal(["A white Transit van, side view", "The van's rear number plate, partly obscured"], post.GetProperty("imageAltTexts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["https://example.test/van.jpg", "https://example.test/plate.jpg"], post.GetProperty("imageUrls").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(post.GetProperty("problems").EnumerateArray());

        // A photo goes on one post only; an id that is no unpublished photo is refused and nothing is posted.
        using var again = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.PageId}/feed"), new
        {
            message = "The same van again", attached_media = new[] { new { media_fbid = ids[0] } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("attached_media[0]", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain((await sim.GetJsonAsync("/simulator/api/posts?platform=facebook")).EnumerateArray(), p => p.GetProperty("text").GetString() == "The same van again");
    }

    [Fact]
    public async Task An_instagram_carousel_is_published_from_its_items_with_each_alt_text_and_an_item_alone_is_not_publishable()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var children = new List<string>();
        foreach (var (url, alt) in new[] { ("https://example.test/1.jpg", "Ellie in her school uniform"), ("https://example.test/2.jpg", "Ellie's blue rucksack with a fox keyring") })
        {
            using var item = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media"), new { image_url = url, is_carousel_item = true, alt_text = alt }, Ct);
            item.EnsureSuccessStatusCode();
            children.Add((await item.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
        }
        using var alone = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media_publish"), new { creation_id = children[0] }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        using var tooFew = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media"), new { media_type = "CAROUSEL", children = children[0], caption = "One is no carousel" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooFew.StatusCode);

        // children as Graph documents it: a comma-separated list.
        using var carousel = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media"), new
        {
            media_type = "CAROUSEL", children = string.Join(',', children), caption = "MISSING: have you seen Ellie, 14?",
        }, Ct);
        carousel.EnsureSuccessStatusCode();
        var creationId = (await carousel.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        using var published = await sim.Client.PostAsJsonAsync(Graph($"{SimulatorHarness.InstagramId}/media_publish"), new { creation_id = creationId }, Ct);
        published.EnsureSuccessStatusCode();
        var mediaId = (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var post = Assert.Single((await sim.GetJsonAsync("/simulator/api/posts?platform=instagram")).EnumerateArray(), p => p.GetProperty("id").GetString() == mediaId);
        Assert.Equal("MISSING: have you seen Ellie, 14?", post.GetProperty("text").GetString());
        Assert.Equal(["Ellie in her school uniform", "Ellie's blue rucksack with a fox keyring"], post.GetProperty("imageAltTexts").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(post.GetProperty("problems").EnumerateArray());
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
