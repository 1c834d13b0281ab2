using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>
/// The desk queue as a list of many conversations: read as cards on a narrow screen without sideways scrolling, and
/// walked with the keyboard past the lines the virtualized list had drawn.
/// </summary>
public sealed class DeskQueueLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string LifeAtRisk = "I can't go on, I'm going to kill myself tonight";

    private static readonly string[] Syllables = ["bar", "cen", "dol", "fin", "gar", "hol", "jen", "kil", "lom", "mer", "nor", "pel", "quin", "ros", "sal", "tor", "ven", "wil"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_a_360_px_screen_the_queue_reads_as_cards_without_sideways_scrolling_and_the_keyboard_still_opens_one()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        using var web = host.NewClient();
        await ChatAsync(web, "Sam Jones", "Someone has smashed my car window on Station Road overnight");
        await ChatAsync(web, "Alex", LifeAtRisk);
        for (var i = 0; i < 4; i++)
            await ChatAsync(web, $"Person {i}", Distinct(i));

        await using var narrow = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        var phone = await narrow.NewPageAsync();
        await BrowserSteps.LoginAsync(phone, host.DemoUsers()["Operator"]);
        await phone.GotoAsync("/desk");
        await Expect(phone.GetByTestId("queue-count")).ToHaveTextAsync("6 open conversations");

        // Nothing on the page is wider than the screen, the queue's box included.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the page scrolls sideways: {await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in a 360 px window");
        var box = phone.Locator("[data-testid=queue] .mud-table-container");
        Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth <= b.clientWidth"), "the queue's own box scrolls sideways: " + await box.EvaluateAsync<string>("b => b.scrollWidth + ' > ' + b.clientWidth + ' ' + [...b.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > b.getBoundingClientRect().right + 1).slice(0, 30).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)).join(' | ')"));

        // The app bar's desktop-alerts control gives way to its icon, keeping its name for screen readers, so the bar's
        // words do not wrap over each other.
        var alerts = phone.GetByTestId("desktop-alerts-allow");
        await Expect(alerts).ToHaveAccessibleNameAsync("Turn on desktop alerts");
        var alertsBox = await alerts.BoundingBoxAsync();
        Assert.True(alertsBox!.Width <= 64 && alertsBox.Height <= 40, $"the desktop-alerts control is {alertsBox.Width} x {alertsBox.Height} px on a 360 px screen");

        // Each conversation is a card: its key facts are in view, each with its heading beside it, not in a column.
        var life = phone.GetByTestId("queue-row").Filter(new() { HasText = LifeAtRisk });
        await Expect(life).ToBeVisibleAsync();
        await Expect(life.GetByTestId("queue-life-at-risk")).ToBeVisibleAsync();
        await life.ScrollIntoViewIfNeededAsync();
        await Expect(life.GetByTestId("queue-preview")).ToBeInViewportAsync();
        await Expect(life.GetByTestId("queue-item")).ToHaveTextAsync("Alex");
        await Expect(life.GetByTestId("queue-sla")).ToBeVisibleAsync();
        await Expect(life.GetByTestId("queue-claim")).ToBeVisibleAsync();
        Assert.Equal("Latest message", await life.Locator("td[data-label='Latest message']").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content.replaceAll('\"', '')"));
        var card = await life.BoundingBoxAsync();
        var preview = await life.GetByTestId("queue-preview").BoundingBoxAsync();
        Assert.True(card!.Width <= 360 && preview!.X + preview.Width <= 360, $"the card ({card.Width} px) or its preview overflows the screen");
        // The life-at-risk conversation is at the top, marked by more than its chip: a red edge on its card.
        Assert.Equal(LifeAtRisk, await phone.GetByTestId("queue-preview").First.TextContentAsync());
        Assert.Equal("8px", await life.EvaluateAsync<string>("tr => getComputedStyle(tr).borderLeftWidth"));

        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserSteps.ScreenshotAsync(phone, "desk-queue-narrow");

        // The keyboard works as on the wide screen: J selects the first card, J the next, K back, Enter opens it.
        await phone.Locator("[data-shortcuts=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await phone.Keyboard.PressAsync("j");
        await Expect(phone.Locator(".queue-row-selected")).ToContainTextAsync(LifeAtRisk);
        await phone.Keyboard.PressAsync("j");
        await Expect(phone.Locator(".queue-row-selected")).Not.ToContainTextAsync(LifeAtRisk);
        await phone.Keyboard.PressAsync("k");
        await Expect(phone.Locator(".queue-row-selected")).ToContainTextAsync(LifeAtRisk);
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.GetByTestId("message-inbound")).ToContainTextAsync(LifeAtRisk);

        await using var wide = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        var desk = await wide.NewPageAsync();
        await BrowserSteps.LoginAsync(desk, host.DemoUsers()["Supervisor"]);
        await desk.GotoAsync("/desk");
        await Expect(desk.GetByTestId("queue-row")).ToHaveCountAsync(6);
        // On a wide screen it is a table again: the headings are a row of their own.
        await Expect(desk.Locator("[data-testid=queue] thead th").First).ToBeVisibleAsync();
        Assert.Equal("none", await desk.Locator("td[data-label='Latest message']").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        await BrowserSteps.ScreenshotAsync(desk, "desk-queue-wide");
    }

    [Fact]
    public async Task J_walks_the_virtualized_queue_past_the_lines_drawn_at_first_and_K_walks_back()
    {
        const int count = 70;
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        using (var web = host.NewClient())
        {
            for (var i = 0; i < count; i++)
                await ChatAsync(web, $"Caller {i:D2}", Distinct(i));
        }
        using var api = await host.LoginAsync("Operator");
        var order = (await api.GetFromJsonAsync<List<JsonElement>>("/api/desk/queue", Ct))!.Select(i => i.GetProperty("conversationId").GetString()!).ToList();
        Assert.Equal(count, order.Count);

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Operator"]);
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("queue-count")).ToHaveTextAsync($"{count} open conversations");
        await page.Locator("[data-shortcuts=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var drawnAtFirst = await DrawnAsync(page);
        Assert.True(drawnAtFirst.Count < count / 2, $"{drawnAtFirst.Count} of {count} lines drawn: the list is not virtualized");
        Assert.Equal(order.Take(drawnAtFirst.Count), drawnAtFirst);

        // Down past everything drawn at first, one key at a time as an operator would, to a line that was not in the page.
        var target = drawnAtFirst.Count + 20;
        for (var i = 0; i <= target; i++)
        {
            await page.Keyboard.PressAsync(i % 2 == 0 ? "j" : "ArrowDown");
            await Expect(Selected(page)).ToHaveAttributeAsync("data-conversation", order[i]);
        }
        Assert.DoesNotContain(order[target], drawnAtFirst);
        await Expect(Selected(page)).ToBeInViewportAsync();
        await Expect(page.GetByTestId("queue-announcement")).ToContainTextAsync($"Caller {NumberOf(order[target], await CallersAsync(api))}");

        // And back up, past the top of what is drawn now.
        for (var i = target - 1; i >= 0; i--)
        {
            await page.Keyboard.PressAsync(i % 2 == 0 ? "k" : "ArrowUp");
            await Expect(Selected(page)).ToHaveAttributeAsync("data-conversation", order[i]);
        }
        await Expect(Selected(page)).ToBeInViewportAsync();

        // Enter opens the selected conversation, wherever it was in the list.
        for (var i = 0; i < count; i++)
            await page.Keyboard.PressAsync("j");
        await Expect(Selected(page)).ToHaveAttributeAsync("data-conversation", order[^1]);
        await Expect(Selected(page)).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        // A retrying assertion on the address, not WaitForURLAsync, which can miss a navigation that lands while it subscribes.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/desk/conversations/{order[^1]}$"));
    }

    private static ILocator Selected(IPage page) => page.Locator("tr.queue-row-selected");

    private static async Task<List<string>> DrawnAsync(IPage page) =>
        [.. await page.Locator("[data-testid=queue] tr[data-conversation]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.conversation)")];

    /// <summary>Each conversation's caller number, from the name the caller gave.</summary>
    private static async Task<Dictionary<string, string>> CallersAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<List<JsonElement>>("/api/desk/queue", Ct))!
            .ToDictionary(i => i.GetProperty("conversationId").GetString()!, i => i.GetProperty("personName").GetString()!["Caller ".Length..]);

    private static string NumberOf(string conversationId, Dictionary<string, string> callers) => callers[conversationId];

    /// <summary>A message from a new web-chat visitor: one conversation each.</summary>
    private static async Task ChatAsync(HttpClient client, string name, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/webchat/demo/messages", new { text, name, clientMessageId = Guid.NewGuid().ToString("N") }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A message of made-up place names that shares no word with another, so the desk does not group them as a surge.</summary>
    private static string Distinct(int seed)
    {
        var random = new Random(seed);
        string Word() => string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return $"Found a {Word()} {Word()} at {Word()} {Word()}";
    }
}
