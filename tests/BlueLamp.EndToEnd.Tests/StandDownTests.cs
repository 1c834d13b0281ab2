using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>
/// An operator overturns a life-at-risk alarm while the control room has the handover on screen: the control room sees
/// the stand-down and the desk's reason at once, and confirms it.
/// </summary>
public sealed class StandDownTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_control_room_sees_the_desks_stand_down_with_its_reason_live_and_confirms_it()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        Guid messageId;
        using (var visitor = host.NewClient())
        {
            var posted = await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "I'm going to kill myself tonight, I've got the pills ready", clientMessageId = "e2e-stand-down-1", name = "Jo" }, Ct);
            messageId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("messageId").GetGuid();
        }
        Guid conversationId;
        await using (var lookup = host.Services.GetRequiredService<BlueLampDbFactory>().Unscoped())
            conversationId = await lookup.Messages.IgnoreQueryFilters().Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);

        await using var controlContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var control = await controlContext.NewPageAsync();
        await BrowserSteps.LoginAsync(control, host.DemoUsers()["ControlRoom"]);
        await control.GotoAsync("/control-room");
        var handover = control.GetByTestId("handover").First;
        await Expect(handover.GetByTestId("handover-status")).ToContainTextAsync("Waiting for acknowledgement");

        await using var deskContext = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var desk = await deskContext.NewPageAsync();
        await BrowserSteps.LoginAsync(desk, host.DemoUsers()["Operator"]);
        await desk.GotoAsync($"/desk/conversations/{conversationId}");
        await desk.GetByLabel("Threat", new() { Exact = true }).FillAsync("None: lyrics of a song they were quoting");
        await desk.GetByLabel("Harm", new() { Exact = true }).FillAsync("None identified");
        await desk.GetByLabel("Risk", new() { Exact = true }).FillAsync("Low; spoke to them, safe and well");
        await desk.GetByLabel("Investigation", new() { Exact = true }).FillAsync("None");
        await desk.GetByLabel("Vulnerability", new() { Exact = true }).FillAsync("None identified");
        await desk.GetByLabel("Engagement", new() { Exact = true }).FillAsync("Signposted to support");
        await MudControls.ChooseAsync(desk, "thrive-grade", "4 Resolved without deployment");
        await desk.GetByLabel("Rationale (and the reason for any change of grade)").FillAsync("Quoting a song; confirmed safe by phone with her mother");
        await desk.GetByLabel("No life is at risk: overturn the life-at-risk alarm (the rationale is the reason)").CheckAsync();
        await desk.GetByTestId("thrive-save").ClickAsync();
        await Expect(desk.GetByTestId("handover-stood-down")).ToContainTextAsync("Quoting a song; confirmed safe by phone with her mother");
        await Expect(desk.GetByTestId("life-at-risk-banner")).ToBeHiddenAsync();

        // The control room's screen changes by itself: the reason, the warning, and that it is still theirs to keep.
        await Expect(handover.GetByTestId("handover-stand-down")).ToContainTextAsync("Stood down by the desk", new() { Timeout = 10_000 });
        await Expect(handover.GetByTestId("handover-stand-down-reason")).ToHaveTextAsync("Quoting a song; confirmed safe by phone with her mother");
        await Expect(handover.GetByTestId("handover-stand-down")).ToContainTextAsync("It is still yours");
        await Expect(handover.GetByTestId("handover-status")).ToHaveTextAsync("Stood down by the desk");
        await Expect(handover.GetByTestId("handover-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-warning"));
        await Expect(handover.GetByTestId("handover-acknowledge")).ToHaveTextAsync("Keep it: acknowledge");
        // The demo force's command-and-control link is told as well.
        await Expect(handover.GetByTestId("handover-stand-down-cad")).ToContainTextAsync("was told of the stand-down", new() { Timeout = 10_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(control);
        await BrowserSteps.ScreenshotAsync(control, "control-room-stand-down");

        await handover.GetByTestId("handover-confirm-stand-down").ClickAsync();
        await Expect(handover.GetByTestId("handover-status")).ToHaveTextAsync("Stand-down confirmed");
        await Expect(handover.GetByTestId("handover-confirm-stand-down")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(control);
        await Accessibility.AssertNoSeriousViolationsAsync(desk);
    }
}
