using Microsoft.Playwright;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>Steps every browser test takes: logging in through the real form, and keeping screenshots for docs/.</summary>
public static partial class BrowserSteps
{
    /// <summary>Where screenshots go when the BLUELAMP_SCREENSHOTS variable names a folder (e.g. docs/screenshots).</summary>
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("BLUELAMP_SCREENSHOTS");

    public static async Task LoginAsync(IPage page, (string Email, string Password) user)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await LeftLoginAsync(page);
    }

    /// <summary>
    /// Waits until the page has left the login form. A retrying assertion on the address, not <c>WaitForURLAsync</c>: the .NET
    /// client checks the address (or the load state) and then subscribes to the next event, and an event that arrives between
    /// the two is missed, so on a loaded machine it waited out its whole timeout on a page that had already arrived.
    /// </summary>
    public static Task LeftLoginAsync(IPage page) =>
        Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage(), new() { Timeout = 30_000 });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrEmpty(ScreenshotFolder))
            return;
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png") });
    }

    [System.Text.RegularExpressions.GeneratedRegex("/Account/Login")]
    private static partial System.Text.RegularExpressions.Regex LoginPage();
}
