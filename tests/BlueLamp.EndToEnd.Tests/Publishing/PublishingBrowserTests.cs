using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Web.Tests.Hosting;
using BlueLamp.Web.Tests.Publishing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests.Publishing;

/// <summary>
/// An appeal end to end in the browser, in demo mode: a contributor drafts it, a comms officer records the SIO's
/// authorisation, approves and sends it, it appears in each account's feed on the simulator's page (all four platforms),
/// and marking the person found takes every copy down from every feed.
/// </summary>
public sealed class PublishingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Platforms = ["facebook", "instagram", "x", "bluesky"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_contributor_drafts_an_appeal_comms_sends_it_to_four_platforms_and_found_takes_every_copy_down()
    {
        await using var host = new BlueLampHost(new Dictionary<string, string?> { ["Publishing:SchedulerInterval"] = "00:00:01" });
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var users = host.DemoUsers();
        const string body = "MISSING: have you seen Cerys, 16, from Ringland? She was last seen on Tuesday evening wearing a black coat. Call 101 quoting 2600123456.";

        await using var contributorContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1100 } });
        var composer = await contributorContext.NewPageAsync();
        await BrowserSteps.LoginAsync(composer, users["Contributor"]);
        await composer.GotoAsync("/posts/new");
        await MudControls.ChooseAsync(composer, "purpose", "Missing-person appeal");
        await composer.GetByLabel("Case reference (crime or occurrence number)").FillAsync("2600123456");
        await composer.GetByLabel("Post (English)", new() { Exact = true }).FillAsync(body);
        await composer.GetByTestId("add-image").ClickAsync();
        await composer.GetByLabel("Image 1 address (https://…)").FillAsync(PublishingApi.SampleImage(host.BaseAddress));
        await composer.GetByLabel("Image 1 alt text (required)").FillAsync("Cerys, a teenage girl with shoulder-length dark hair, smiling");
        foreach (var name in new[] { "Demo Constabulary on Facebook", "@democonstabulary on Instagram", "@DemoConstab on X", "@democonstabulary.bsky.social on Bluesky" })
            await composer.GetByLabel(name).CheckAsync();
        // The previews are drawn by the server: once X counts the text, the server has every field.
        await Expect(composer.GetByTestId("preview-x").GetByTestId("preview-count")).ToHaveTextAsync("136 / 280");
        await Expect(composer.GetByTestId("preview-bluesky")).ToContainTextAsync("Cerys, 16");
        await Accessibility.AssertNoSeriousViolationsAsync(composer);
        await BrowserSteps.ScreenshotAsync(composer, "publishing-composer");
        await composer.GetByTestId("submit").ClickAsync();
        await Expect(composer.GetByTestId("post-status")).ToHaveTextAsync("Waiting for approval");
        var postUrl = composer.Url;

        await using var commsContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1100 } });
        var comms = await commsContext.NewPageAsync();
        await BrowserSteps.LoginAsync(comms, users["CommsOfficer"]);
        await comms.GotoAsync(postUrl);
        await Expect(comms.GetByTestId("post-body")).ToHaveTextAsync(body);
        // Approving before the SIO's or OIC's decision is recorded is refused.
        await comms.GetByTestId("approve").ClickAsync();
        await Expect(comms.GetByTestId("post-error")).ToContainTextAsync("SIO's or OIC's authorisation");

        await comms.GetByLabel("Officer (rank, number, name)").FillAsync("DI 4411 Price");
        await MudControls.ChooseAsync(comms, "auth-role", "SIO: senior investigating officer");
        await comms.GetByLabel("Rationale").FillAsync("Cerys is 16 and vulnerable; the public are the best chance of a sighting tonight.");
        await comms.GetByLabel("Risk assessment").FillAsync("Family consent given; publicity risk low against the risk of harm.");
        await comms.GetByTestId("auth-approve").ClickAsync();
        await Expect(comms.GetByTestId("authorisation")).ToContainTextAsync("Approved by SIO DI 4411 Price");
        await comms.GetByTestId("approve").ClickAsync();
        await Expect(comms.GetByTestId("post-status")).ToHaveTextAsync("Approved");
        await comms.GetByTestId("send-now").ClickAsync();
        await Expect(comms.GetByTestId("post-status")).ToHaveTextAsync("Published", new() { Timeout = 20_000 });
        await Expect(comms.GetByTestId("copy-state").Filter(new() { HasText = "Published" })).ToHaveCountAsync(4);
        foreach (var platform in Platforms)
            Assert.Single(await LivePostsAsync(host, platform, "Cerys, 16"));

        // Each account's feed on the simulator's page shows the appeal with its image's alt text.
        var simulator = await commsContext.NewPageAsync();
        await simulator.GotoAsync("/simulator");
        foreach (var platform in new[] { "Facebook", "Instagram", "X", "Bluesky" })
        {
            await MudControls.ChooseAsync(simulator, "sim-platform", platform);
            var post = simulator.GetByTestId("sim-feed-post").Filter(new() { HasText = "Cerys, 16" });
            await Expect(post).ToHaveCountAsync(1);
            await Expect(post.GetByTestId("sim-feed-images")).ToContainTextAsync("1 image, alt text: Cerys, a teenage girl with shoulder-length dark hair, smiling");
        }
        await Accessibility.AssertNoSeriousViolationsAsync(simulator);
        await BrowserSteps.ScreenshotAsync(simulator, "simulator-account-feed");

        // The calendar shows it on each account today.
        await comms.GotoAsync("/posts/calendar");
        await Expect(comms.GetByTestId("calendar-entry")).ToHaveCountAsync(4);
        await Accessibility.AssertNoSeriousViolationsAsync(comms);
        await BrowserSteps.ScreenshotAsync(comms, "publishing-calendar");

        // Found: one action takes every copy down from every platform.
        await comms.GotoAsync(postUrl);
        await MudControls.ChooseAsync(comms, "case-status", "Found");
        await Expect(comms.GetByTestId("case-status-prompt")).ToContainTextAsync("must come down from every account");
        await comms.GetByTestId("case-status-apply").ClickAsync();
        await Expect(comms.GetByTestId("post-status")).ToHaveTextAsync("Withdrawn", new() { Timeout = 20_000 });
        await Expect(comms.GetByTestId("post-note").Filter(new() { HasText = "copies taken down" })).ToHaveTextAsync("4 of 4 copies taken down.");
        foreach (var platform in Platforms)
            Assert.Empty(await LivePostsAsync(host, platform, "Cerys, 16"));
        foreach (var platform in new[] { "Facebook", "Instagram", "X", "Bluesky" })
        {
            await MudControls.ChooseAsync(simulator, "sim-platform", platform);
            await Expect(simulator.GetByTestId("sim-feed-post").Filter(new() { HasText = "Cerys, 16" })).ToHaveCountAsync(0);
        }
    }

    /// <summary>The account's live posts on the simulator inside BlueLamp that contain <paramref name="text"/>.</summary>
    private static async Task<List<JsonElement>> LivePostsAsync(BlueLampHost host, string platform, string text)
    {
        using var client = host.NewClient();
        var posts = await client.GetFromJsonAsync<List<JsonElement>>($"/simulator/api/posts?platform={platform}", Ct);
        return posts!.Where(p => !p.GetProperty("removed").GetBoolean() && p.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal)).ToList();
    }
}
