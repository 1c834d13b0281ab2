using System.Net.Http.Json;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>The administrator's account register in the browser: a refused account shows as such, is reconnected, and a new account is registered.</summary>
public sealed class AccountRegisterPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_sees_a_refused_account_reconnects_it_and_registers_a_named_officer_account()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        using var simulator = host.NewClient();
        var reconciliation = host.Services.GetRequiredService<Reconciliation>();
        // Facebook refuses the page token (someone changed the page admin's password).
        (await simulator.PostAsJsonAsync("/simulator/api/faults/facebook", new { tokenExpired = true }, Ct)).EnsureSuccessStatusCode();
        await reconciliation.RunOnceAsync(Ct);
        (await simulator.DeleteAsync("/simulator/api/faults", Ct)).EnsureSuccessStatusCode();

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);
        await page.GotoAsync("/admin/accounts");
        var facebook = page.GetByTestId("register-row").Filter(new() { HasText = "on Facebook" });
        await Expect(facebook.GetByTestId("connection-state")).ToHaveTextAsync("Needs reconnecting");
        await Expect(page.GetByTestId("register-row")).ToHaveCountAsync(5);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "account-register");

        await facebook.GetByTestId("open-connect").ClickAsync();
        await page.GetByLabel("Page or Instagram access token").FillAsync("sim-page-token");
        await page.GetByLabel("App secret (signs webhooks)").FillAsync("sim-meta-app-secret");
        await page.GetByLabel("Webhook verify token").FillAsync("sim-meta-verify-token");
        await page.GetByTestId("connect-save").ClickAsync();
        await Expect(page.GetByTestId("register-outcome")).ToContainTextAsync("is connected", new() { Timeout = 15_000 });
        await Expect(facebook.GetByTestId("connection-state")).ToHaveTextAsync("Connected");

        await MudControls.ChooseAsync(page, "new-platform", "Bluesky");
        await MudControls.ChooseAsync(page, "new-kind", "Named");
        await page.GetByLabel("Handle (page id, @name or DID)").FillAsync("pc-jones.bsky.social");
        await page.GetByLabel("Name staff know it by").FillAsync("PC Jones, Northtown");
        await page.GetByLabel("Monitored hours (empty: 24/7)").FillAsync("Mon-Fri 08:00-18:00");
        await page.GetByTestId("new-save").ClickAsync();
        await Expect(page.GetByTestId("register-outcome")).ToContainTextAsync("PC Jones, Northtown is in the register");
        var named = page.GetByTestId("register-row").Filter(new() { HasText = "PC Jones, Northtown" });
        await Expect(named.GetByTestId("connection-state")).ToHaveTextAsync("Not connected");
        await Expect(named).ToContainTextAsync("Mon-Fri 08:00-18:00");
    }
}
