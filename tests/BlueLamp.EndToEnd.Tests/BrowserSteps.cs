using Microsoft.Playwright;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>Steps every browser test takes: logging in through the real form, and keeping screenshots for docs/.</summary>
public static class BrowserSteps
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
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrEmpty(ScreenshotFolder))
            return;
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png") });
    }
}
