using Microsoft.Playwright;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>Drives MudBlazor controls the way a person does, waiting for each step to land (a loaded 2-core CI machine is slow).</summary>
public static class MudControls
{
    /// <summary>Opens a MudSelect (by its data-testid), picks an option by its text, and waits until the select shows it.</summary>
    public static async Task ChooseAsync(IPage page, string testId, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        var select = page.GetByTestId(testId);
        await select.ClickAsync();
        var choice = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        try
        {
            await choice.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // The first click can land before the component is wired up; the keyboard opens it too.
            await select.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        // A popover can re-render its items just after opening, and a click on an item being replaced is ignored by
        // the server: try again until the select shows the choice.
        for (var attempt = 1; ; attempt++)
        {
            if (await choice.IsVisibleAsync())
                await PickAsync(choice);
            try
            {
                // The select shows its choice as an input's value or, once chosen, as text: accept either.
                await page.WaitForFunctionAsync(
                    "([id, text]) => { const e = document.querySelector(`[data-testid='${id}']`); return !!e && ((e.value ?? '') === text || e.textContent.trim() === text); }",
                    new object[] { testId, option }, new() { Timeout = 3_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
                if (!await choice.IsVisibleAsync())
                    await select.ClickAsync();
            }
        }
    }

    /// <summary>
    /// Types into a MudTextField that shows a character counter, and waits until the counter (drawn by the server)
    /// counts the text: then the server has it, and a click on Send cannot overtake it.
    /// </summary>
    public static async Task FillCountedAsync(IPage page, string label, string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(text);
        await page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        await page.GetByText($"{text.Length} / {maxLength}", new() { Exact = true }).WaitForAsync();
    }

    /// <summary>
    /// Clicks an option in a MudBlazor popover. The popover is placed by script after it appears; on a loaded machine a
    /// mouse click aimed at its first position can land beside it, so the click is delivered to the option itself.
    /// </summary>
    public static async Task PickAsync(ILocator option)
    {
        ArgumentNullException.ThrowIfNull(option);
        await option.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await option.DispatchEventAsync("click");
    }
}
