using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>
/// Governing the life-at-risk alarms in the browser: an operator overturns a false alarm in the THRIVE form, a supervisor reads
/// the alarms raised and overturned by source, and an administrator switches the life-at-risk model off.
/// </summary>
public sealed class AlarmOversightTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_overturns_a_false_alarm_a_supervisor_sees_it_counted_by_source_and_an_administrator_switches_the_model_off()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        Guid messageId;
        using (var visitor = host.NewClient())
        {
            var posted = await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "I'm going to kill myself tonight, I've got the pills ready", clientMessageId = "e2e-overturn-1" }, Ct);
            messageId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("messageId").GetGuid();
        }
        var dbs = host.Services.GetRequiredService<BlueLampDbFactory>();
        Guid conversationId;
        await using (var lookup = dbs.Unscoped())
            conversationId = await lookup.Messages.IgnoreQueryFilters().Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();

        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Operator"]);
        await page.GotoAsync($"/desk/conversations/{conversationId}");
        await page.GetByLabel("Threat", new() { Exact = true }).FillAsync("None: lyrics of a song they were quoting");
        await page.GetByLabel("Harm", new() { Exact = true }).FillAsync("None identified");
        await page.GetByLabel("Risk", new() { Exact = true }).FillAsync("Low; spoke to them, safe and well");
        await page.GetByLabel("Investigation", new() { Exact = true }).FillAsync("None");
        await page.GetByLabel("Vulnerability", new() { Exact = true }).FillAsync("None identified");
        await page.GetByLabel("Engagement", new() { Exact = true }).FillAsync("Signposted to support");
        await MudControls.ChooseAsync(page, "thrive-grade", "4 Resolved without deployment");
        await page.GetByLabel("Rationale (and the reason for any change of grade)").FillAsync("Quoting a song; confirmed safe by phone");
        await page.GetByLabel("No life is at risk: overturn the life-at-risk alarm (the rationale is the reason)").CheckAsync();
        await page.GetByTestId("thrive-save").ClickAsync();
        await Expect(page.GetByTestId("latest-assessment")).ToContainTextAsync("Grade 4 by Demo Operator");
        await Expect(page.GetByTestId("mark-life-at-risk")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("engine-versions")).ToContainTextAsync($"life-at-risk model {LifeAtRiskModel.Default.Version}");

        await context.ClearCookiesAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Supervisor"]);
        await page.GotoAsync("/supervisor/alarms");
        var rules = page.Locator("[data-testid='alarm-line'][data-source='Rules']");
        await Expect(rules.GetByTestId("alarm-raised")).ToHaveTextAsync("1");
        await Expect(rules.GetByTestId("alarm-overturned")).ToHaveTextAsync("1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "alarm-report");

        await context.ClearCookiesAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);
        await page.GotoAsync("/settings/desk");
        var section = page.GetByTestId("life-at-risk-model");
        await Expect(section).ToContainTextAsync(LifeAtRiskModel.Default.Version);
        await Expect(page.GetByTestId("model-save")).ToBeDisabledAsync();
        await section.GetByText("The model adds its signal to the rules").ClickAsync();
        await Expect(section).ToContainTextAsync("The rules alone assess messages");
        await page.GetByTestId("model-save").ClickAsync();
        await Expect(page.GetByTestId("model-saved")).ToContainTextAsync("the rules alone assess messages");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await section.ScrollIntoViewIfNeededAsync();
        await BrowserSteps.ScreenshotAsync(page, "desk-settings-life-at-risk-model");

        await using var db = dbs.Unscoped();
        Assert.True((await db.Forces.AsNoTracking().SingleAsync(f => f.Slug == "demo", Ct)).LifeAtRiskModelOff);
        Assert.True(await db.RaisedAlarms.IgnoreQueryFilters().AnyAsync(a => a.ConversationId == conversationId && a.OverturnedAt != null && a.Source == AlarmSource.Rules, Ct));
    }
}
