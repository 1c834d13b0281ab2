using BlueLamp.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>The worst case, end to end: a life-at-risk message alarms every desk, one operator takes it, the control room acknowledges.</summary>
public sealed class LifeAtRiskTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Counts the alarm's beeps: every tone the page starts goes through an oscillator.</summary>
    private const string CountBeeps = """
        window.__beeps = 0;
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function (...args) { window.__beeps++; return start.apply(this, args); };
        """;

    private static Task<int> BeepsAsync(IPage page) => page.EvaluateAsync<int>("() => window.__beeps");

    /// <summary>Records every desktop notification the page shows, and whether it was closed, through the browser's own.</summary>
    private const string RecordNotifications = """
        window.__notified = [];
        const Shown = window.Notification;
        window.Notification = class extends Shown {
            constructor(title, options) {
                super(title, options);
                const entry = { title, body: options?.body ?? "", closed: false };
                window.__notified.push(entry);
                const close = this.close.bind(this);
                this.close = () => { entry.closed = true; close(); };
            }
        };
        """;

    private sealed record Notified(string Title, string Body, bool Closed);

    private static async Task<Notified[]> NotifiedAsync(IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<Notified[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__notified)"),
            System.Text.Json.JsonSerializerOptions.Web)!;

    /// <summary>
    /// A user who is both a supervisor and a call handler has two parts of one page alarming outside it (the desk's banner
    /// and the control room's list): one clearing its alarms must leave the other's sounding.
    /// </summary>
    [Fact]
    public async Task One_part_of_the_page_clearing_its_alarms_leaves_another_parts_title_and_notification()
    {
        await using var host = new BlueLampHost();
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = host.BaseAddress.ToString().TrimEnd('/'), Permissions = ["notifications"],
        });
        await context.AddInitScriptAsync(RecordNotifications);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        var pageTitle = await page.TitleAsync();

        await page.EvaluateAsync("""
            async () => {
                window.__alarm = await import("/Components/Shared/LifeAtRiskAlarm.razor.js");
                await window.__alarm.show("desk", [{ id: "life-1", title: "LIFE AT RISK: nobody has taken it", body: "Alex on web chat" }]);
                await window.__alarm.show("control", [{ id: "waiting-2", title: "HANDOVER WAITING: acknowledge it", body: "Sam on X" }]);
                await window.__alarm.show("desk", []);
            }
            """);

        var notified = await NotifiedAsync(page);
        Assert.Equal([("LIFE AT RISK: nobody has taken it", true), ("HANDOVER WAITING: acknowledge it", false)], notified.Select(n => (n.Title, n.Closed)));
        await page.WaitForFunctionAsync("() => document.title === '⚠ HANDOVER WAITING: acknowledge it'");

        await page.EvaluateAsync("() => window.__alarm.stop('control')");
        Assert.All(await NotifiedAsync(page), n => Assert.True(n.Closed, n.Title));
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken); // longer than the title's one-second flash
        Assert.Equal(pageTitle, await page.TitleAsync());
    }

    [Fact]
    public async Task A_life_at_risk_message_alarms_two_operators_one_takes_it_and_the_control_room_acknowledges()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var users = host.DemoUsers();

        // The first operator has allowed desktop alerts; the supervisor has not been asked yet.
        await using var firstContext = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1000 }, Permissions = ["notifications"],
        });
        await firstContext.AddInitScriptAsync(CountBeeps);
        await firstContext.AddInitScriptAsync(RecordNotifications);
        var first = await firstContext.NewPageAsync();
        await BrowserSteps.LoginAsync(first, users["Operator"]);
        await first.GotoAsync("/desk");
        await using var secondContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        await secondContext.AddInitScriptAsync(CountBeeps);
        var second = await secondContext.NewPageAsync();
        await BrowserSteps.LoginAsync(second, users["Supervisor"]);
        await second.GotoAsync("/supervisor");
        await Expect(first.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await Expect(first.GetByTestId("desktop-alerts-on")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("desktop-alerts-allow")).ToBeVisibleAsync();

        await using var publicContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl });
        var chat = await publicContext.NewPageAsync();
        await chat.GotoAsync("/chat/demo");
        await chat.GetByLabel("Your message").FillAsync("i cant do this anymore. ive got the pills out and im taking them tonight");
        await chat.GetByTestId("chat-send").ClickAsync();

        // The person gets the safe holding reply at once.
        await Expect(chat.GetByTestId("chat-reply")).ToContainTextAsync("call 999", new() { Timeout = 10_000 });

        // Both screens alarm, whatever page they are on, and the queue puts it first.
        await Expect(first.GetByTestId("life-alarm")).ToContainTextAsync("LIFE AT RISK", new() { Timeout = 10_000 });
        await Expect(second.GetByTestId("life-alarm")).ToContainTextAsync("LIFE AT RISK");
        await Expect(first.GetByTestId("queue-life-at-risk")).ToBeVisibleAsync();
        // Both screens sound the tone, again and again (two beeps every two seconds) until someone takes it.
        await first.WaitForFunctionAsync("() => window.__beeps >= 4");
        await second.WaitForFunctionAsync("() => window.__beeps >= 4");
        // A desk in a background tab or behind another window: the tab's title flashes on both screens, and the operator
        // who allowed desktop alerts gets one notification, naming who and where but not what they wrote.
        await first.WaitForFunctionAsync("() => document.title === '⚠ LIFE AT RISK: nobody has taken it'");
        await second.WaitForFunctionAsync("() => document.title === '⚠ LIFE AT RISK: nobody has taken it'");
        await second.WaitForFunctionAsync("() => document.title === 'Supervisor wall · BlueLamp'");
        var notified = Assert.Single(await NotifiedAsync(first));
        Assert.Equal(("LIFE AT RISK: nobody has taken it", false), (notified.Title, notified.Closed));
        Assert.Contains("Demo Constabulary web chat", notified.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("pills", notified.Body, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(first);
        await BrowserSteps.ScreenshotAsync(first, "life-at-risk-alarm");

        // One operator takes it: the alarm stops on every screen.
        await first.GetByTestId("life-alarm-take").ClickAsync();
        await Expect(first.GetByTestId("holder")).ToContainTextAsync("You have this conversation");
        await Expect(first.GetByTestId("life-at-risk-banner")).ToContainTextAsync("waiting for them to acknowledge");
        await Expect(first.GetByTestId("handover-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-outlined-warning"));
        await Expect(second.GetByTestId("life-alarm")).ToBeHiddenAsync();
        await Expect(first.GetByTestId("life-alarm")).ToBeHiddenAsync();
        // The banner hides before the page's script hears to stop (Blazor patches the page, then calls the script), so a
        // beep may still start in between: count from one tone period later, then see that no beep follows for another.
        var tonePeriod = TimeSpan.FromSeconds(2.5); // longer than the tone's two-second period
        await Task.Delay(tonePeriod, TestContext.Current.CancellationToken);
        var beepsWhenTaken = await BeepsAsync(second);
        await Task.Delay(tonePeriod, TestContext.Current.CancellationToken);
        Assert.Equal(beepsWhenTaken, await BeepsAsync(second));
        // The title is the page's own again and stays so; the notification is gone.
        Assert.Equal("Supervisor wall · BlueLamp", await second.TitleAsync());
        Assert.Equal("Conversation · BlueLamp", await first.TitleAsync());
        Assert.True(Assert.Single(await NotifiedAsync(first)).Closed);
        await Expect(first.Locator("mark.indicator").First).ToBeVisibleAsync();
        await BrowserSteps.ScreenshotAsync(first, "life-at-risk-conversation");

        // The control room sees what the desk knows, and acknowledges with the incident number.
        await using var controlContext = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 }, Permissions = ["notifications"],
        });
        await controlContext.AddInitScriptAsync(RecordNotifications);
        var control = await controlContext.NewPageAsync();
        await BrowserSteps.LoginAsync(control, users["ControlRoom"]);
        await control.GotoAsync("/control-room");
        var handover = control.GetByTestId("handover").First;
        await Expect(handover.GetByTestId("handover-summary")).ToContainTextAsync("ive got the pills out");
        // Waiting reads as needing someone, in words and colour; acknowledged (below) reads as done.
        await Expect(handover.GetByTestId("handover-status")).ToContainTextAsync("Waiting for acknowledgement");
        await Expect(handover.GetByTestId("handover-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-error"));
        // Waiting, it alarms outside the page too, in case the call handler is in another system's window.
        await control.WaitForFunctionAsync("() => document.title === '⚠ HANDOVER WAITING: acknowledge it'");
        var waiting = Assert.Single(await NotifiedAsync(control));
        Assert.Equal("HANDOVER WAITING: acknowledge it", waiting.Title);
        Assert.StartsWith("Member of the public on Demo Constabulary web chat, opened ", waiting.Body, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(control);
        await handover.GetByLabel("Incident number (e.g. 0412 25/11/26)").FillAsync("wrong");
        await handover.GetByTestId("handover-acknowledge").ClickAsync();
        await Expect(handover).ToContainTextAsync("does not look like an incident reference");
        await handover.GetByLabel("Incident number (e.g. 0412 25/11/26)").FillAsync("0312 25/11/26");
        await handover.GetByTestId("handover-acknowledge").ClickAsync();
        await Expect(control.GetByTestId("handover-acknowledged")).ToContainTextAsync("0312 25/11/26");
        await Expect(handover.GetByTestId("handover-status")).ToHaveTextAsync("Acknowledged");
        await Expect(handover.GetByTestId("handover-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-success"));
        await Expect(handover.GetByTestId("handover-status")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-error"));
        await control.WaitForFunctionAsync("() => window.__notified.every(n => n.closed)");
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken); // longer than the title's one-second flash
        Assert.Equal("Control room handovers · BlueLamp", await control.TitleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(control);
        await BrowserSteps.ScreenshotAsync(control, "control-room");

        // The desk sees the acknowledgement live.
        await Expect(first.GetByTestId("life-at-risk-banner")).ToContainTextAsync("incident 0312 25/11/26");
        await Expect(first.GetByTestId("handover-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-outlined-success"));
        await Accessibility.AssertNoSeriousViolationsAsync(first);
    }
}
