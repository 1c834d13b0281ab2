using System.Net.Http.Json;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>An administrator's triage settings in the browser: the indicator set, the command-and-control link, the referral keys.</summary>
public sealed class AdministrationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_checks_a_new_indicator_set_sees_the_life_at_risk_it_would_lose_and_saves_a_safe_one()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        using (var visitor = host.NewClient())
        {
            await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "My husband has his hands round my neck, help", clientMessageId = "e2e-life-1" }, Ct);
            await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "Someone keeps parking across my drive", clientMessageId = "e2e-park-1" }, Ct);
        }
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);

        await page.GotoAsync("/admin/indicators");
        await Expect(page.GetByTestId("indicators-version")).ToContainTextAsync(IndicatorSet.Default.Version);
        await page.GetByText("Suicide self harm (").First.ClickAsync();
        await Expect(page.GetByText("suicide.", new() { Exact = false }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "indicator-set");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Edit" }).ClickAsync();
        var editor = page.GetByLabel("Indicator set (JSON)");
        var shipped = await editor.InputValueAsync();
        var renamed = shipped.Replace($"\"version\": \"{IndicatorSet.Default.Version}\"", "\"version\": \"demo-2026.11-1\"", StringComparison.Ordinal);

        // A set that would miss a life at risk is shown for what it is before anything is saved.
        await editor.FillAsync(renamed.Replace("\"life\": true", "\"life\": false", StringComparison.Ordinal).Replace("\"supporting\": true", "\"supporting\": false", StringComparison.Ordinal));
        await page.GetByTestId("indicators-check").ClickAsync();
        await Expect(page.GetByTestId("indicators-life-lost")).ToContainTextAsync("would no longer be");
        await Expect(page.GetByTestId("indicators-life-lost")).ToContainTextAsync("hands round my neck");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "indicator-set-effect");

        // A broken one is refused with the reason.
        await editor.FillAsync(renamed.Replace("\"category\": \"road\"", "\"category\": \"roads\"", StringComparison.Ordinal));
        await page.GetByTestId("indicators-check").ClickAsync();
        await Expect(page.GetByText("unknown category 'roads'")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("indicators-save")).ToBeDisabledAsync();

        // The safe one is saved and used from then on.
        await editor.FillAsync(renamed);
        await page.GetByTestId("indicators-check").ClickAsync();
        await Expect(page.GetByTestId("indicators-effect")).ToContainTextAsync("0 would stop being life at risk");
        await page.GetByTestId("indicators-save").ClickAsync();
        await Expect(page.GetByTestId("indicators-saved")).ToContainTextAsync("demo-2026.11-1");
        await Expect(page.GetByTestId("indicators-version")).ToContainTextAsync("demo-2026.11-1");
    }

    [Fact]
    public async Task An_administrator_sets_the_command_and_control_link_and_makes_and_revokes_a_referral_key()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);

        await page.GotoAsync("/admin/command-and-control");
        await Expect(page.GetByLabel("Receiver address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/demo/command-and-control$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "command-and-control-link");
        await page.GetByLabel("Receiver address").FillAsync("http://cad.example.police.uk/handovers");
        await page.GetByTestId("cad-save").ClickAsync();
        await Expect(page.GetByText("Use https")).ToBeVisibleAsync();
        await page.GetByLabel("Receiver address").FillAsync("https://cad.example.police.uk/handovers");
        await page.GetByTestId("cad-generate").ClickAsync();
        await page.GetByTestId("cad-save").ClickAsync();
        await Expect(page.GetByTestId("cad-saved")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/referral-keys");
        await page.GetByLabel("Who will hold it (e.g. Meta safety team)").FillAsync("Meta safety team");
        await page.GetByTestId("key-create").ClickAsync();
        await Expect(page.GetByTestId("key-value")).ToContainTextAsync("blr_");
        await Expect(page.GetByTestId("key-row")).ToContainTextAsync("Meta safety team");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "referral-keys");
        await page.GetByTestId("key-revoke").ClickAsync();
        await Expect(page.GetByTestId("key-row")).ToContainTextAsync("Revoked");
    }
}
