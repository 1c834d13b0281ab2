using BlueLamp.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>The operator's casework in the browser: claim seen by a colleague, template, THRIVE, close, reopen; and the pages pass axe-core.</summary>
public sealed class DeskCaseworkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task An_operator_claims_answers_with_a_template_assesses_and_closes_while_a_colleague_watches_live()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var users = host.DemoUsers();

        await using var publicContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl });
        var chat = await publicContext.NewPageAsync();
        await chat.GotoAsync("/chat/demo");
        await chat.GetByLabel("Your name (optional)").FillAsync("Sam");
        await chat.GetByLabel("Your message").FillAsync("Someone has smashed my car window on Station Road overnight");
        await chat.GetByTestId("chat-send").ClickAsync();
        await Expect(chat.GetByTestId("chat-mine")).ToBeVisibleAsync();

        await using var operatorContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        var desk = await operatorContext.NewPageAsync();
        await BrowserSteps.LoginAsync(desk, users["Operator"]);
        await using var supervisorContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        var colleague = await supervisorContext.NewPageAsync();
        await BrowserSteps.LoginAsync(colleague, users["Supervisor"]);

        await colleague.GotoAsync("/desk");
        await Expect(colleague.GetByTestId("queue-claim")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(colleague);

        // Keyboard: J selects the first conversation, O opens it, C takes it.
        await desk.GotoAsync("/desk");
        await Expect(desk.GetByTestId("queue-item")).ToBeVisibleAsync();
        await desk.Locator("[data-shortcuts=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await desk.Keyboard.PressAsync("j");
        await desk.Keyboard.PressAsync("o");
        await Expect(desk.GetByTestId("holder")).ToContainTextAsync("Nobody has this conversation");
        await desk.Locator("[data-shortcuts=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await desk.Keyboard.PressAsync("c");
        await Expect(desk.GetByTestId("holder")).ToContainTextAsync("You have this conversation");

        // The colleague's queue shows who has it, without a reload.
        await Expect(colleague.GetByTestId("queue-holder")).ToHaveTextAsync("Demo Operator");

        // A template, found by typing, fills the reply with the person's name and the force.
        var templateBox = desk.GetByLabel("Insert a template (T): type to search, English or Welsh");
        var filled = new System.Text.RegularExpressions.Regex("^Hello Sam, thank you for contacting Demo Constabulary");
        for (var attempt = 1; ; attempt++)
        {
            await templateBox.FillAsync("acknow");
            await MudControls.PickAsync(desk.GetByRole(AriaRole.Option, new() { Name = "Acknowledge (English)" }));
            try
            {
                await Expect(desk.GetByLabel("Reply")).ToHaveValueAsync(filled, new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The pick raced a re-render of the list (see MudControls); choose again.
            }
        }
        await desk.GetByTestId("reply-send").ClickAsync();
        await Expect(desk.GetByTestId("message-outbound").Filter(new() { HasText = "Hello Sam" })).ToBeVisibleAsync();
        await Expect(chat.GetByTestId("chat-reply")).ToContainTextAsync("Hello Sam", new() { Timeout = 10_000 });

        // Closing without THRIVE is refused, next to the outcome.
        await MudControls.ChooseAsync(desk, "outcome", "Crime reported");
        await desk.GetByTestId("close").ClickAsync();
        await Expect(desk.GetByText("Record a THRIVE assessment and a grade before closing.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(desk);

        await desk.GetByLabel("Threat", new() { Exact = true }).FillAsync("None now");
        await desk.GetByLabel("Harm", new() { Exact = true }).FillAsync("Damage to car");
        await desk.GetByLabel("Risk", new() { Exact = true }).FillAsync("Low");
        await desk.GetByLabel("Investigation", new() { Exact = true }).FillAsync("Crime report; CCTV on Station Road");
        await desk.GetByLabel("Vulnerability", new() { Exact = true }).FillAsync("None identified");
        await desk.GetByLabel("Engagement", new() { Exact = true }).FillAsync("Give crime reference");
        await MudControls.ChooseAsync(desk, "thrive-grade", "3 Scheduled: needs police action, not urgently");
        await desk.GetByLabel("Rationale (and the reason for any change of grade)").FillAsync("Criminal damage, no one at risk");
        await desk.GetByTestId("thrive-save").ClickAsync();
        await Expect(desk.GetByTestId("latest-assessment")).ToContainTextAsync("Grade 3 by Demo Operator");
        await BrowserSteps.ScreenshotAsync(desk, "desk-conversation-casework");

        await desk.GetByTestId("close").ClickAsync();
        await Expect(desk.GetByTestId("conversation-status")).ToHaveTextAsync("Closed: Crime reported");

        // Gone from the colleague's queue; back when the person writes again.
        await Expect(colleague.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await chat.GetByLabel("Your message").FillAsync("I found a witness who saw it happen");
        await chat.GetByTestId("chat-send").ClickAsync();
        await Expect(colleague.GetByTestId("queue-preview")).ToHaveTextAsync("I found a witness who saw it happen");
        await Expect(desk.GetByTestId("conversation-status")).ToHaveTextAsync("Open");
        await BrowserSteps.ScreenshotAsync(colleague, "desk-queue-filters");
    }

    [Fact]
    public async Task The_supervisor_wall_shows_who_holds_what_and_a_supervisor_reassigns_live()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var users = host.DemoUsers();
        await using var publicContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl });
        var chat = await publicContext.NewPageAsync();
        await chat.GotoAsync("/chat/demo");
        await chat.GetByLabel("Your message").FillAsync("Can someone call me about the burglary next door?");
        await chat.GetByTestId("chat-send").ClickAsync();
        await Expect(chat.GetByTestId("chat-mine")).ToBeVisibleAsync();

        await using var operatorContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var desk = await operatorContext.NewPageAsync();
        await BrowserSteps.LoginAsync(desk, users["Operator"]);
        await desk.GotoAsync("/desk");
        await desk.GetByTestId("queue-claim").ClickAsync();
        await Expect(desk.GetByTestId("queue-holder")).ToHaveTextAsync("You");
        await desk.GetByTestId("queue-item").ClickAsync();
        await Expect(desk.GetByTestId("holder")).ToContainTextAsync("You have this conversation");

        await using var supervisorContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var wall = await supervisorContext.NewPageAsync();
        await BrowserSteps.LoginAsync(wall, users["Supervisor"]);
        await wall.GotoAsync("/supervisor");
        var operatorRow = wall.GetByTestId("wall-operator").Filter(new() { HasText = "Demo Operator" });
        await Expect(operatorRow).ToContainTextAsync("Yes, since");
        await Expect(operatorRow.Locator("td").Nth(2)).ToHaveTextAsync("1");
        // "burglary" makes the engine grade it 3 (scheduled) at once.
        await Expect(wall.GetByTestId("wall-grade-3")).ToHaveTextAsync("1");
        await Accessibility.AssertNoSeriousViolationsAsync(wall);
        await BrowserSteps.ScreenshotAsync(wall, "supervisor-wall");

        var supervisorDesk = await supervisorContext.NewPageAsync();
        await supervisorDesk.GotoAsync("/desk");
        await supervisorDesk.GetByTestId("queue-item").ClickAsync();
        await Expect(supervisorDesk.GetByTestId("holder")).ToContainTextAsync("Demo Operator has this conversation");
        await MudControls.ChooseAsync(supervisorDesk, "reassign-to", "Demo Supervisor");
        await supervisorDesk.GetByLabel("Reason", new() { Exact = true }).FillAsync("Operator needs a break after a difficult call");
        await supervisorDesk.GetByTestId("reassign-button").ClickAsync();
        await Expect(supervisorDesk.GetByTestId("holder")).ToContainTextAsync("You have this conversation");

        // The operator sees it move, and the wall counts it against the supervisor now.
        await Expect(desk.GetByTestId("holder")).ToContainTextAsync("Demo Supervisor has this conversation");
        await Expect(operatorRow.Locator("td").Nth(2)).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task The_question_mark_shows_the_keyboard_shortcuts_and_escape_hides_them()
    {
        await using var host = new BlueLampHost();
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Operator"]);
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await page.Locator("[data-shortcuts=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.Keyboard.PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Take (claim) the selected conversation");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Expect(help).ToBeHiddenAsync();
    }
}
