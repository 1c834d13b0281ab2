using Microsoft.JSInterop;

namespace BlueLamp.Web.Components.Shared;

/// <summary>What an alarm shows outside the page: its title and a desktop notification's text.</summary>
/// <param name="Id">Stable while the same thing alarms, so its notification is shown once.</param>
/// <param name="Title">Short, in capitals where it must stand out; the tab's title shows the first alarm's.</param>
/// <param name="Body">Who and where, never what they wrote: a notification can show on a locked or shared screen.</param>
public sealed record OutsideAlarmItem(string Id, string Title, string Body);

/// <summary>
/// An alarm outside the page (<c>LifeAtRiskAlarm.razor.js</c>): the tone, the tab's title flashing and a desktop
/// notification per alarm for a user who allowed them, so it reaches someone whose screen is in a background tab or
/// behind another window. The browser is told again only when what alarms changes.
/// </summary>
public sealed class OutsideAlarm(IJSRuntime js) : IAsyncDisposable
{
    public const string Module = "./Components/Shared/LifeAtRiskAlarm.razor.js";

    private readonly string source = Guid.NewGuid().ToString("N");
    private IJSObjectReference? module;
    private string? shown;

    /// <summary>
    /// Shows <paramref name="alarms"/> (none: clears this one's; another part of the page may still alarm). Returns whether
    /// the tone plays, or null when nothing changed or nothing is shown; a browser that blocks sound until the user
    /// interacts with the page returns false.
    /// </summary>
    public async Task<bool?> ShowAsync(IReadOnlyList<OutsideAlarmItem> alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        var now = alarms.Count == 0 ? null : string.Join('\n', alarms.Select(a => a.Id));
        if (now == shown)
            return null;
        module ??= await js.InvokeAsync<IJSObjectReference>("import", Module);
        var sound = await module.InvokeAsync<bool>("show", source, alarms);
        shown = now;
        return now is null ? null : sound;
    }

    /// <summary>Starts the tone again after the user has interacted with the page.</summary>
    public async Task<bool> StartToneAsync() => module is not null && await module.InvokeAsync<bool>("start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null)
            {
                await module.InvokeVoidAsync("stop", source);
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The screen has gone; so has what it showed.
        }
    }
}
