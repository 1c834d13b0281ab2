using System.Net.Http.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Triage;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced: JSON" }).ClickAsync();
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
    public async Task An_administrator_adds_an_indicator_in_the_form_tries_it_on_a_message_and_saves_it_as_a_new_version()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);
        await page.GotoAsync("/admin/indicators");
        await Expect(page.GetByTestId("indicators-version")).ToContainTextAsync(IndicatorSet.Default.Version);

        // Search finds an indicator by one of its phrases.
        await page.GetByLabel("Search names, phrases and notes").FillAsync("kill myself");
        await Expect(page.Locator("[data-testid=indicator-row][data-name='suicide.kill_myself']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=indicator-row][data-name='immediacy.now']")).ToHaveCountAsync(0);
        await page.GetByLabel("Search names, phrases and notes").FillAsync("");

        // Try it with the set as it is.
        const string sample = "Massive sinkhole just opened up on the bypass by the retail park";
        await page.GetByLabel("Sample message").FillAsync(sample);
        await page.GetByTestId("tryit-assess").ClickAsync();
        await Expect(page.GetByTestId("tryit-result")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tryit-result")).Not.ToContainTextAsync("road.sinkhole");

        // A new indicator: each bad field is refused with the reason, and nothing changes.
        await page.GetByTestId("indicator-add").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("road.sinkhole");
        await MudControls.ChooseAsync(page, "indicator-category", "road");
        await page.GetByLabel("Weight (0 to 1)").FillAsync("1.5");
        await page.GetByLabel("Phrases, one a line").FillAsync("sinkhole");
        await page.GetByTestId("indicator-apply").ClickAsync();
        await Expect(page.GetByTestId("indicator-form")).ToContainTextAsync("A weight is between 0 and 1");
        await page.GetByLabel("Weight (0 to 1)").FillAsync("0.6");
        await page.GetByLabel("Phrases, one a line").FillAsync("sinkhole\n\nsink hole");
        await page.GetByTestId("indicator-apply").ClickAsync();
        await Expect(page.GetByTestId("indicator-form")).ToContainTextAsync("Phrase 2 is empty");
        await page.GetByLabel("Phrases, one a line").FillAsync("* sinkhole");
        await page.GetByTestId("indicator-apply").ClickAsync();
        await Expect(page.GetByTestId("indicator-form")).ToContainTextAsync("a wildcard word must stand between two words");
        await Expect(page.GetByTestId("indicators-changes")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Phrases, one a line").FillAsync("sinkhole\nsink hole");
        await page.GetByTestId("indicator-apply").ClickAsync();
        await Expect(page.GetByTestId("indicator-form")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("indicators-change-list")).ToContainTextAsync("1 indicator added: road.sinkhole");

        // The try-it box re-assesses the same message with the edited, unsaved set, and marks what matched.
        await Expect(page.GetByTestId("tryit-indicators")).ToContainTextAsync("road.sinkhole");
        await Expect(page.GetByTestId("tryit-highlighted").Locator("mark.indicator", new() { HasText = "sinkhole" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tryit-category")).ToHaveTextAsync("road");

        // An indicator a combination needs cannot be removed.
        await page.GetByLabel("Search names, phrases and notes").FillAsync("means.substance");
        await page.Locator("[data-testid=indicator-row][data-name='means.substance']").GetByTestId("indicator-remove").ClickAsync();
        await Expect(page.GetByTestId("indicators-list-error")).ToContainTextAsync("change or remove");
        await page.GetByLabel("Search names, phrases and notes").FillAsync("sinkhole");
        await Expect(page.Locator("[data-testid=indicator-row][data-name='road.sinkhole']")).ToContainTextAsync("new");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "indicator-editor");

        // Saved as a new version, checked first; the audit trail says what changed.
        var next = IndicatorSetDraft.NextVersion(IndicatorSet.Default.Version);
        await Expect(page.GetByLabel("New version")).ToHaveValueAsync(next);
        await page.GetByTestId("draft-check").ClickAsync();
        await Expect(page.GetByTestId("indicators-effect")).ToContainTextAsync("0 would stop being life at risk");
        await page.GetByTestId("draft-save").ClickAsync();
        await Expect(page.GetByTestId("indicators-saved")).ToContainTextAsync(next);
        await Expect(page.GetByTestId("indicators-version")).ToContainTextAsync($"version {next}");
        await Expect(page.GetByTestId("indicators-changes")).ToHaveCountAsync(0);

        var dbs = host.Services.GetRequiredService<BlueLampDbFactory>();
        Guid forceId;
        await using (var lookup = dbs.Unscoped())
            forceId = await lookup.Forces.Where(f => f.Slug == "demo").Select(f => f.Id).SingleAsync(Ct);
        await using var db = dbs.ForForce(forceId);
        var changed = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.IndicatorSetChanged).Select(e => e.Detail).ToListAsync(Ct);
        Assert.Contains(changed, d => d!.Contains("road.sinkhole", StringComparison.Ordinal) && d.Contains(next, StringComparison.Ordinal));
        var engine = await host.Services.GetRequiredService<ForceIndicatorSets>().EngineForAsync(forceId, Ct);
        Assert.Contains(engine.Assess(sample, TriageContext.DirectMessage).Indicators, h => h.Name == "road.sinkhole");
    }

    [Fact]
    public async Task An_administrator_words_the_forces_holding_reply_and_sets_the_handover_limit_and_a_bad_one_is_refused()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);
        await page.GotoAsync("/settings/desk");
        var section = page.GetByTestId("life-at-risk-settings");
        await Expect(section).ToContainTextAsync("must mention 999");
        // Each account's profile text is headed by its name, without saying the platform twice.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo Constabulary on Facebook", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Holding reply in Welsh").FillAsync("Diolch am eich neges. Mae swyddogion ar eu ffordd.");
        await page.GetByLabel("Seconds the control room has to acknowledge a handover").FillAsync("90");
        await page.GetByTestId("life-at-risk-save").ClickAsync();
        await Expect(section).ToContainTextAsync("must tell anyone in danger now to call 999");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Holding reply in Welsh").FillAsync("Diolch am eich neges, rydyn ni wedi'i gweld. Os ydych chi mewn perygl nawr, ffoniwch 999.");
        await page.GetByTestId("life-at-risk-save").ClickAsync();
        await Expect(section).ToContainTextAsync("must not imply that help is on its way");
        await page.GetByLabel("Holding reply in Welsh").FillAsync("Diolch am eich neges, rydyn ni wedi'i gweld. Os ydych chi mewn perygl nawr, ffoniwch 999 ar unwaith.");
        await page.GetByTestId("life-at-risk-save").ClickAsync();
        await Expect(page.GetByTestId("life-at-risk-saved")).ToBeVisibleAsync();
        await BrowserSteps.ScreenshotAsync(page, "desk-settings-life-at-risk");

        var dbs = host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var db = dbs.Unscoped();
        // The "saved" note is already showing from the save before (the second wording is a valid one), so it does not say
        // the last save has landed: wait for the stored wording itself.
        var force = await db.Forces.AsNoTracking().SingleAsync(f => f.Slug == "demo", Ct);
        for (var waited = 0; waited < 100 && force.HoldingReplyWelsh?.EndsWith("999 ar unwaith.", StringComparison.Ordinal) != true; waited++)
        {
            await Task.Delay(100, Ct);
            force = await db.Forces.AsNoTracking().SingleAsync(f => f.Slug == "demo", Ct);
        }
        Assert.Equal(90, force.HandoverAcknowledgeSeconds);
        Assert.EndsWith("999 ar unwaith.", force.HoldingReplyWelsh, StringComparison.Ordinal);
        Assert.Null(force.HoldingReplyEnglish);
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
