using MudBlazor;

namespace BlueLamp.Web.Components.Layout;

/// <summary>BlueLamp's colours: a calm police blue, with text contrast of at least 4.5:1 (WCAG 2.2 AA) everywhere.</summary>
public static class BlueLampTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d91",
            Secondary = "#5a2d82",
            AppbarBackground = "#0b3d91",
            Error = "#b3261e",
            Warning = "#8a5300",
            Success = "#1e6b34",
            Info = "#0b5cab",
            TextSecondary = "#4a4f57",
        },
    };
}
