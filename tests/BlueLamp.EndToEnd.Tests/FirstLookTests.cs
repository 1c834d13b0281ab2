using System.Net.Http.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Contact;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>
/// The first-look safety net on the desk: a private message nobody has opened says "first look due" (its grade unchanged)
/// and rises above older routine work, because the engine misses some lives at risk.
/// </summary>
public sealed class FirstLookTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Comment = "Great work by the officers at the fun day on Saturday, the kids loved the horses";
    private const string Private = "What time does the front counter at the central station open on Saturday?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unread_grade_4_private_message_says_first_look_due_and_sorts_above_an_older_grade_4_comment()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        await CommentAsync(host, Comment);
        using (var web = host.NewClient())
        {
            using var sent = await web.PostAsJsonAsync("/api/webchat/demo/messages", new { text = Private, name = "Jo Evans", clientMessageId = Guid.NewGuid().ToString("N") }, Ct);
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync(Ct));
        }

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 700 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Operator"]);
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("queue-count")).ToHaveTextAsync("2 open conversations");

        var rows = page.GetByTestId("queue-row");
        var privateLine = rows.Nth(0);
        var commentLine = rows.Nth(1);
        await Expect(privateLine.GetByTestId("queue-preview")).ToHaveTextAsync(Private);
        await Expect(commentLine.GetByTestId("queue-preview")).ToHaveTextAsync(Comment);
        // Both are grade 4; the private one's deadline is its first look, not a new grade.
        await Expect(privateLine.GetByTestId("queue-grade")).ToHaveTextAsync("4 Resolved");
        await Expect(commentLine.GetByTestId("queue-grade")).ToHaveTextAsync("4 Resolved");
        await Expect(privateLine.GetByTestId("queue-sla")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^first look due: (29|30) min left$"));
        await Expect(commentLine.GetByTestId("queue-sla")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ d \d+ h left$"));

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "desk-queue-first-look");

        // Opening it is the first look: back on the queue it shows its grade's deadline again, below nothing it was not below.
        await privateLine.GetByTestId("queue-item").ClickAsync();
        await Expect(page.GetByTestId("message-inbound")).ToContainTextAsync(Private);
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("queue-row").Filter(new() { HasText = Private }).GetByTestId("queue-sla"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ d \d+ h left$"));
    }

    [Fact]
    public async Task An_administrator_sets_the_first_look_limit_and_a_bad_one_is_refused_next_to_the_field()
    {
        await using var host = new BlueLampHost();
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await BrowserSteps.LoginAsync(page, host.DemoUsers()["Administrator"]);
        await page.GotoAsync("/settings/desk");
        var section = page.GetByTestId("first-look-settings");
        await Expect(section).ToContainTextAsync("Public comments and mentions keep their grade's deadline only");
        var minutes = page.GetByLabel("Minutes within which every private message is opened");

        await minutes.FillAsync("2000");
        await page.GetByTestId("first-look-save").ClickAsync();
        await Expect(section).ToContainTextAsync("Give a first-look limit between 1 minute and 24 hours");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var dbs = host.Services.GetRequiredService<BlueLampDbFactory>();
        await using (var db = dbs.Unscoped())
            Assert.Null(await db.Forces.Where(f => f.Slug == "demo").Select(f => f.FirstLookMinutes).SingleAsync(Ct));

        await minutes.FillAsync("15");
        await page.GetByTestId("first-look-save").ClickAsync();
        await Expect(page.GetByTestId("first-look-saved")).ToContainTextAsync("within 15 minutes");
        await section.ScrollIntoViewIfNeededAsync();
        await BrowserSteps.ScreenshotAsync(page, "desk-settings-first-look");
        await using (var db = dbs.Unscoped())
            Assert.Equal(15, await db.Forces.Where(f => f.Slug == "demo").Select(f => f.FirstLookMinutes).SingleAsync(Ct));
    }

    /// <summary>A public comment under the force's Facebook post, taken in as the webhook would hand it over.</summary>
    private static async Task CommentAsync(BlueLampHost host, string text)
    {
        var dbs = host.Services.GetRequiredService<BlueLampDbFactory>();
        Guid forceId, accountId;
        await using (var lookup = dbs.Unscoped())
            forceId = await lookup.Forces.Where(f => f.Slug == "demo").Select(f => f.Id).SingleAsync(Ct);
        await using (var db = dbs.ForForce(forceId))
            accountId = await db.Accounts.Where(a => a.Platform == Platform.Facebook).Select(a => a.Id).FirstAsync(Ct);
        await host.Services.GetRequiredService<ContactIntake>().ReceiveAsync(forceId,
            new InboundMessage(accountId, Platform.Facebook, ConversationKind.CommentThread, "comments:post_1:fb-sam", "fb-sam", "Sam Jones",
                "comment_fun_day", text, DateTimeOffset.UtcNow, "post_1"), Ct);
    }
}
