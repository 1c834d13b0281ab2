using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>The four platforms end to end in a real browser: the simulator inside BlueLamp plays the public, the operator answers on the desk, the answers reach the platforms.</summary>
public sealed class PlatformsToDeskTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Facebook_DM_an_Instagram_comment_an_X_mention_and_a_Bluesky_mention_reach_the_desk_and_each_answer_reaches_the_platform()
    {
        await using var host = new BlueLampHost(new Dictionary<string, string?>
        {
            ["Channels:Intake:BlueskyPollInterval"] = "00:00:00.500",
            ["Channels:Intake:OutboxInterval"] = "00:00:00.250",
        });
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        using var simulator = host.NewClient();

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Operator"]);

        var cases = new (string Platform, string Action, string Text)[]
        {
            ("facebook", "messages", "My car was broken into overnight on Mill Lane"),
            ("instagram", "comments", "I think I saw the missing dog near the canal"),
            ("x", "mentions", "Traffic lights out at the Station Road junction"),
            ("bluesky", "mentions", "Is the Riverside footpath closed after the flooding?"),
        };
        var people = new List<string>();
        foreach (var (platform, action, text) in cases)
        {
            var person = await PostAsync(simulator, "people", new { platform, name = $"Sam on {platform}" });
            var personId = person.GetProperty("id").GetString()!;
            people.Add(personId);
            await PostAsync(simulator, action, new { platform, personId, text });
        }

        await page.GotoAsync("/desk");
        foreach (var (platform, _, text) in cases)
        {
            var item = page.GetByTestId("queue-preview").Filter(new() { HasText = text });
            await Expect(item).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await page.Locator("tr", new() { HasText = text }).GetByTestId("queue-item").ClickAsync();
            await Expect(page.GetByTestId("message-inbound")).ToContainTextAsync(text);
            var reply = $"Thank you for telling us, {platform}. Officers have been told.";
            await FillReplyAsync(page, reply);
            await page.GetByTestId("reply-send").ClickAsync();
            await Expect(page.GetByTestId("message-outbound")).ToContainTextAsync(reply);
            // The outbox delivers it and the page updates itself.
            await Expect(page.GetByTestId("delivery-state")).ToContainTextAsync("Sent", new() { Timeout = 15_000 });
            await page.GotoAsync("/desk");
        }

        for (var i = 0; i < cases.Length; i++)
        {
            var sent = await simulator.GetFromJsonAsync<List<JsonElement>>($"/simulator/api/people/{cases[i].Platform}/{Uri.EscapeDataString(people[i])}/sent", Ct);
            Assert.Contains(sent!, e => e.GetProperty("text").GetString()!.Contains($"Thank you for telling us, {cases[i].Platform}.", StringComparison.Ordinal));
        }

        // The simulator's own page is there for the operator to play the public.
        await page.GotoAsync("/simulator");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Play a member of the public" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Types the reply and waits for the server-drawn counter to count it. A live update of the page (a poll brought
    /// something) can land while typing and drop keystrokes on the way, so the typing is repeated until the server has it.
    /// </summary>
    private static async Task FillReplyAsync(IPage page, string reply)
    {
        var box = page.GetByLabel("Reply", new() { Exact = true });
        var counted = page.GetByText($"{reply.Length} / 2000", new() { Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await box.FillAsync(reply);
            // A keystroke after the fill sends a second input event, in case the first was overtaken by a re-render.
            await box.PressAsync("End");
            await box.PressSequentiallyAsync(" ");
            await box.PressAsync("Backspace");
            try
            {
                await counted.WaitForAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 6)
            {
                await box.FillAsync("");
            }
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync("/simulator/api/" + path, body, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
