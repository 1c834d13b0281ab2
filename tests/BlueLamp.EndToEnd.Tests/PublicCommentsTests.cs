using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>Public comments in a real browser: an operator moves a Facebook comment to a private message and hides another that gives an address.</summary>
public sealed class PublicCommentsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_moves_a_Facebook_comment_to_private_and_hides_another_that_discloses_an_address()
    {
        await using var host = new BlueLampHost(new Dictionary<string, string?> { ["Channels:Intake:OutboxInterval"] = "00:00:00.250" });
        using var simulator = host.NewClient();
        var asker = await PersonAsync(simulator, "Catrin Asks");
        var discloser = await PersonAsync(simulator, "Rhys Tells");
        await PostAsync(simulator, "comments", new { platform = "facebook", personId = asker, text = "Someone keeps following my daughter home from school, who do I talk to?" });
        var disclosed = await PostAsync(simulator, "comments", new { platform = "facebook", personId = discloser, text = "It's the bloke at 27 Heol Fach, everyone knows it" });

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Operator"]);

        // Move the first comment to a private message.
        await OpenAsync(page, "following my daughter");
        await ClickUntilAsync(page.GetByTestId("reply-privately"), page.GetByTestId("private-note"), before: page.GetByTestId("reply-publicly"));
        await Expect(page.GetByTestId("private-note")).ToContainTextAsync("We've sent you a private message.");
        var answer = "Please tell us more privately: which school, and when did it start?";
        await MudControls.FillCountedAsync(page, "Private reply", answer, 2000);
        await page.GetByTestId("reply-send").ClickAsync();
        await Expect(page.GetByTestId("sent-privately")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("delivery-state")).ToHaveTextAsync([" · Sent", " · Sent"], new() { Timeout = 15_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "desk-private-reply");

        var sent = await simulator.GetFromJsonAsync<List<JsonElement>>($"/simulator/api/people/facebook/{asker}/sent", Ct);
        Assert.Contains(sent!, e => e.GetProperty("sendMode").GetString() == "PRIVATE_REPLY" && e.GetProperty("text").GetString() == answer);
        Assert.Contains(sent!, e => e.GetProperty("kind").GetString() == "comment" && e.GetProperty("text").GetString() == "We've sent you a private message.");

        // Hide the second, which gives an address.
        await page.GotoAsync("/desk");
        await OpenAsync(page, "27 Heol Fach");
        await ClickUntilAsync(page.GetByTestId("comment-hide"), page.GetByTestId("hide-form"));
        await page.GetByTestId("hide-confirm").ClickAsync();
        await Expect(page.GetByTestId("hide-form")).ToContainTextAsync("Say why");
        await page.GetByLabel("Why hide it (audited)").FillAsync("Gives a home address and accuses the person living there");
        await page.GetByTestId("hide-confirm").ClickAsync();
        await Expect(page.GetByTestId("comment-hidden")).ToContainTextAsync("Gives a home address");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "desk-comment-hidden");

        var comment = await simulator.GetFromJsonAsync<JsonElement>($"/simulator/api/comments/{disclosed.GetProperty("id").GetString()}", Ct);
        Assert.True(comment.GetProperty("hidden").GetBoolean());
    }

    private static async Task OpenAsync(IPage page, string text)
    {
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("queue-preview").Filter(new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.Locator("tr", new() { HasText = text }).GetByTestId("queue-item").ClickAsync();
        await Expect(page.GetByTestId("message-inbound")).ToContainTextAsync(text);
    }

    /// <summary>
    /// Clicks until what the click opens shows: a click that lands while the page is re-drawn by a live update can meet
    /// a button whose handler was just replaced, and Blazor drops it.
    /// </summary>
    private static async Task ClickUntilAsync(ILocator button, ILocator shows, ILocator? before = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A radio already checked in the browser sends nothing when clicked again: check the other one first.
            if (attempt > 1 && before is not null)
                await before.ClickAsync();
            await button.ClickAsync();
            try
            {
                await shows.WaitForAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
    }

    private static async Task<string> PersonAsync(HttpClient simulator, string name) =>
        (await PostAsync(simulator, "people", new { platform = "facebook", name })).GetProperty("id").GetString()!;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync("/simulator/api/" + path, body, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
