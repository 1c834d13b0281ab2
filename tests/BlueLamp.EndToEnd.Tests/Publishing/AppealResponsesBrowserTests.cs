using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Web.Tests.Hosting;
using BlueLamp.Web.Tests.Publishing;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests.Publishing;

/// <summary>
/// In the browser, in demo mode (the simulator inside BlueLamp delivers the public's comments and DMs): a sighting under
/// a published missing-person appeal shows on the desk as a comment under it, an operator links a DM to the appeal by
/// hand, the appeal page counts both; and an administrator grants a contributor direct posting.
/// </summary>
public sealed class AppealResponsesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_comment_under_an_appeal_shows_on_the_desk_a_DM_is_linked_by_hand_and_the_appeal_counts_both()
    {
        await using var host = new BlueLampHost(new Dictionary<string, string?> { ["Publishing:SchedulerInterval"] = "00:00:01" });
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var users = host.DemoUsers();
        using var comms = await host.LoginAsync("CommsOfficer");
        var accounts = await PublishingApi.AccountsAsync(comms);
        var postId = await PublishingApi.IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", PublishingApi.Post(
            "MISSING: have you seen Nia, 13, from Alway? Last seen on Monday in a grey hoodie. Call 101 quoting 2600777888.",
            [accounts["Facebook"], accounts["Instagram"]], "MissingPersonAppeal", caseReference: "2600777888"), Ct));
        await PublishingApi.IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/authorisation", new
        {
            decision = 1, officerName = "DS 2207 Hughes", officerRole = "OIC",
            rationale = "Nia is 13 and vulnerable; sightings are needed.", riskAssessment = "Family consent given; publicity risk low.",
        }, Ct));
        await PublishingApi.ApproveAndSendNowAsync(comms, postId);
        var details = await PublishingApi.WaitForStatusAsync(comms, postId, 8);
        var facebookPost = details.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy"))
            .Single(c => c.GetProperty("platform").GetInt32() == 2).GetProperty("platformPostId").GetString();

        using var simulator = host.NewClient();
        var commenter = await PostAsync(simulator, "people", new { platform = "facebook", name = "Bethan Morgan" });
        await PostAsync(simulator, "comments", new { platform = "facebook", personId = commenter.GetProperty("id").GetString(), text = "think I saw her by the bus station 10 mins ago", postId = facebookPost });
        var writer = await PostAsync(simulator, "people", new { platform = "facebook", name = "Owain Price" });
        await PostAsync(simulator, "messages", new { platform = "facebook", personId = writer.GetProperty("id").GetString(), text = "A girl in a grey hoodie was sleeping in the bus shelter on Aberthaw Road last night" });

        await using var deskContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1100 } });
        var desk = await deskContext.NewPageAsync();
        await BrowserSteps.LoginAsync(desk, users["Operator"]);
        await desk.GotoAsync("/desk");
        var comment = desk.Locator("tr", new() { HasText = "think I saw her by the bus station" });
        await Expect(comment).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await comment.GetByTestId("queue-item").ClickAsync();
        await Expect(desk.GetByTestId("responds-to-post")).ToContainTextAsync("Comment under: Missing-person appeal (case 2600777888)");
        await Accessibility.AssertNoSeriousViolationsAsync(desk);
        await BrowserSteps.ScreenshotAsync(desk, "desk-comment-under-appeal");

        await desk.GotoAsync("/desk");
        var dm = desk.Locator("tr", new() { HasText = "sleeping in the bus shelter" });
        await Expect(dm).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await dm.GetByTestId("queue-item").ClickAsync();
        await Expect(desk.GetByTestId("responds-to")).ToContainTextAsync("Not linked to any of our posts.");
        await MudControls.ChooseAsync(desk, "appeal-picker", "2600777888 · Missing-person appeal · MISSING: have you seen Nia, 13, from Alway? Last seen on Monday in a grey hoodie. Call 101…");
        await desk.GetByTestId("link-appeal").ClickAsync();
        await Expect(desk.GetByTestId("responds-to-post")).ToContainTextAsync("About: Missing-person appeal (case 2600777888)");

        await using var commsContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1100 } });
        var appeal = await commsContext.NewPageAsync();
        await BrowserSteps.LoginAsync(appeal, users["CommsOfficer"]);
        await appeal.GotoAsync($"/posts/{postId}");
        await Expect(appeal.GetByTestId("responses-count")).ToContainTextAsync("2 conversations in response: 2 on Facebook.");
        await Expect(appeal.GetByTestId("response")).ToHaveCountAsync(2);
        await Accessibility.AssertNoSeriousViolationsAsync(appeal);
        await BrowserSteps.ScreenshotAsync(appeal, "publishing-appeal-responses");
    }

    [Fact]
    public async Task A_supervisor_sees_a_held_comment_the_platform_would_not_hide_and_lifts_the_hold_on_the_post_page()
    {
        await using var host = new BlueLampHost(new Dictionary<string, string?> { ["Publishing:SchedulerInterval"] = "00:00:01" });
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        const string reference = "2600123456";
        using var comms = await host.LoginAsync("CommsOfficer");
        var accounts = await PublishingApi.AccountsAsync(comms);
        var updateId = await PublishingApi.IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", PublishingApi.Post(
            $"UPDATE: a man was seriously injured in an assault on Clarence Place last night. Call 101 quoting {reference}.",
            [accounts["Facebook"], accounts["X"]], "IncidentUpdate", caseReference: reference, image: false), Ct));
        await PublishingApi.IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{updateId}/schedule", new { at = (DateTimeOffset?)null }, Ct));
        var copies = (await PublishingApi.WaitForStatusAsync(comms, updateId, 8)).GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy"))
            .ToDictionary(c => c.GetProperty("platform").GetInt32(), c => c.GetProperty("platformPostId").GetString()!);

        using var simulator = host.NewClient();
        var facebook = (await PostAsync(simulator, "people", new { platform = "facebook", name = "Dai Jenkins" })).GetProperty("id").GetString();
        var comment = (await PostAsync(simulator, "comments", new { platform = "facebook", personId = facebook, text = "it was the lad from Maindee, he's done time", postId = copies[2] })).GetProperty("id").GetString()!;
        var x = (await PostAsync(simulator, "people", new { platform = "x", name = "Dai X" })).GetProperty("id").GetString();
        await PostAsync(simulator, "mentions", new { platform = "x", personId = x, text = "@DemoConstab they should lock him up for good", inReplyTo = copies[4] });
        using var op = await host.LoginAsync("Operator");
        for (var deadline = DateTime.UtcNow.AddSeconds(30); (await op.GetFromJsonAsync<List<JsonElement>>("/api/desk/queue", Ct))!.Count < 2;)
        {
            Assert.True(DateTime.UtcNow < deadline, "the comments did not reach the desk");
            await Task.Delay(200, Ct);
        }
        // Deleted on Facebook while its webhook was lost: Facebook will never hide it.
        using (var faults = await simulator.PostAsJsonAsync("/simulator/api/faults/facebook", new { dropWebhooks = true }, Ct))
            faults.EnsureSuccessStatusCode();
        using (var removed = await simulator.DeleteAsync($"/simulator/api/comments/{comment}", Ct))
            removed.EnsureSuccessStatusCode();

        var appealId = await PublishingApi.IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", PublishingApi.Post(
            $"WANTED: we want to speak to this man about the assault on Clarence Place. Call 101 quoting {reference}.", [accounts["Facebook"]], "WantedAppeal", caseReference: reference), Ct));
        await PublishingApi.AuthoriseAndSendAsync(comms, appealId);
        using (var charged = await comms.PostAsJsonAsync($"/api/posts/{appealId}/case-status", new { status = "Charged" }, Ct))
            Assert.True(charged.IsSuccessStatusCode, await charged.Content.ReadAsStringAsync(Ct));

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1100 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Supervisor"]);
        await page.GotoAsync($"/posts/{updateId}");
        await Expect(page.GetByTestId("held-not-hidden-state")).ToContainTextAsync("Not hidden, not tried again automatically (1 attempt): Meta: Unsupported post request.");
        await Expect(page.GetByTestId("retry-held-comments")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("copy-comments").Last).ToContainTextAsync("Comments held: each one is hidden.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByTestId("lift-hold").ScrollIntoViewIfNeededAsync();
        await BrowserSteps.ScreenshotAsync(page, "publishing-comment-hold");

        // The charge is dropped: the supervisor lifts the hold, with the reason.
        await page.GetByTestId("lift-hold-button").ClickAsync();
        await Expect(page.GetByText("Say why the hold ends")).ToBeVisibleAsync();
        await page.GetByLabel("Why the hold ends (audited)").FillAsync("CPS discontinued the case today");
        await page.GetByTestId("lift-hold-button").ClickAsync();
        await Expect(page.GetByTestId("post-note").First).ToContainTextAsync("Comment hold lifted: comments open again under 2 of 2 copies of the case's posts.");
        await Expect(page.GetByTestId("copy-comments")).ToHaveTextAsync(["Hold lifted: comments open again.", "Hold lifted: comments open again."]);
        await Expect(page.GetByTestId("lift-hold")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("held-not-hidden")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task An_administrator_grants_a_contributor_direct_posting_on_the_posting_rights_page()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);
        await page.GotoAsync("/admin/posting-rights");
        var row = page.GetByTestId("contributor");
        await Expect(row).ToContainTextAsync("North Area");
        await Expect(row).ToContainTextAsync("Needs approval");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Direct posting for", new() { Exact = false }).CheckAsync();
        await Expect(row).ToContainTextAsync("Posts without approval");
        await BrowserSteps.ScreenshotAsync(page, "admin-posting-rights");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("contributor")).ToContainTextAsync("Posts without approval");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync("/simulator/api/" + path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
