using System.Diagnostics;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>The walking skeleton, end to end in a real browser: the public writes, the desk sees it live and answers, the public sees the answer, the auditor sees who did it.</summary>
public sealed class WebChatToDeskTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task A_web_chat_message_appears_on_the_desk_without_reload_and_the_reply_reaches_the_public_page()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var users = host.DemoUsers();

        await using var operatorContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        var desk = await operatorContext.NewPageAsync();
        await BrowserSteps.LoginAsync(desk, users["Operator"]);
        await desk.GotoAsync("/desk");
        await Expect(desk.GetByTestId("queue-empty")).ToBeVisibleAsync();

        await using var publicContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 800, Height = 900 } });
        var chat = await publicContext.NewPageAsync();
        await chat.GotoAsync("/chat/demo");
        await Expect(chat.GetByRole(AriaRole.Heading, new() { Name = "Contact Demo Constabulary" })).ToBeVisibleAsync();

        // An empty message is refused on the page, next to the field.
        await chat.GetByTestId("chat-send").ClickAsync();
        await Expect(chat.GetByTestId("chat-error")).ToHaveTextAsync("Type a message before sending.");

        const string text = "There's a man <b>shouting</b> outside number 12 and banging on the door";
        await chat.GetByLabel("Your message").FillAsync(text);
        var sent = Stopwatch.StartNew();
        await chat.GetByTestId("chat-send").ClickAsync();
        await Expect(chat.GetByTestId("chat-mine")).ToContainTextAsync("banging on the door");

        // The operator's queue updates itself: no reload. Markup in the message is shown as text, never rendered.
        var item = desk.GetByTestId("queue-preview").Filter(new() { HasText = "banging on the door" });
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
        TestContext.Current.TestOutputHelper?.WriteLine($"Message visible on the desk {sent.ElapsedMilliseconds} ms after Send was clicked.");
        await Expect(item).ToContainTextAsync("<b>shouting</b>");
        await BrowserSteps.ScreenshotAsync(chat, "webchat-public");
        await BrowserSteps.ScreenshotAsync(desk, "desk-queue");

        await desk.GetByTestId("queue-item").First.ClickAsync();
        await Expect(desk.GetByTestId("message-inbound")).ToContainTextAsync("<b>shouting</b>");
        await MudControls.FillCountedAsync(desk, "Reply", "Thank you for telling us. Officers are on their way. If anyone is hurt, call 999 now.", 2000);
        await desk.GetByTestId("reply-send").ClickAsync();
        await Expect(desk.GetByTestId("message-outbound").Filter(new() { HasText = "Officers are on their way" })).ToBeVisibleAsync();
        await BrowserSteps.ScreenshotAsync(desk, "desk-conversation");

        // The public page shows the reply without a reload, signed by the force, not by the operator.
        var reply = chat.GetByTestId("chat-reply").Filter(new() { HasText = "Officers are on their way" });
        await Expect(reply).ToContainTextAsync("Officers are on their way", new() { Timeout = 10_000 });
        await Expect(reply).ToContainTextAsync("Demo Constabulary");
        await BrowserSteps.ScreenshotAsync(chat, "webchat-reply");

        await using var auditorContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        var audit = await auditorContext.NewPageAsync();
        await BrowserSteps.LoginAsync(audit, users["Auditor"]);
        await audit.GotoAsync("/audit");
        var table = audit.GetByTestId("audit-table");
        await Expect(table.Locator("tr", new() { HasText = "conversation.opened" }).Filter(new() { HasText = "Demo Operator" })).ToHaveCountAsync(1);
        await Expect(table.Locator("tr", new() { HasText = "conversation.replied" }).Filter(new() { HasText = "Demo Operator" })).ToHaveCountAsync(1);
        await audit.GetByTestId("audit-verify").ClickAsync();
        await Expect(audit.GetByTestId("audit-verification")).ToContainTextAsync("The chain is intact");
        await BrowserSteps.ScreenshotAsync(audit, "audit-trail");
    }

    [Fact]
    public async Task The_login_page_refuses_a_wrong_password_with_a_message_and_works_with_the_keyboard_alone()
    {
        await using var host = new BlueLampHost();
        var (email, password) = host.DemoUsers()["Operator"];
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByLabel("Password").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
        await BrowserSteps.ScreenshotAsync(page, "login-error");

        // Tab from the email field through password and "keep me logged in" to the button, and press Enter.
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Email").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await BrowserSteps.LeftLoginAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "BlueLamp", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await BrowserSteps.ScreenshotAsync(page, "home");
    }
}
