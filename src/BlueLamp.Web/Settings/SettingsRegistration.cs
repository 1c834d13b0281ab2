using BlueLamp.Core.Identity;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BlueLamp.Web.Settings;

/// <summary>The force's desk settings: services and their JSON API (administrators only).</summary>
public static class SettingsRegistration
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DeskSettings>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/api/settings").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Administrator }).DisableAntiforgery();

        settings.MapGet("/safe-public-line", async (HttpContext http, DeskSettings desk, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var lines = await desk.SafePublicLinesAsync(user, ct);
            return Results.Ok(new { english = lines.EnglishOrDefault, welsh = lines.WelshOrDefault, custom = lines.English is not null || lines.Welsh is not null });
        });

        settings.MapPut("/safe-public-line", async (SafePublicLines request, HttpContext http, DeskSettings desk, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await desk.SetSafePublicLinesAsync(user, request?.English, request?.Welsh, ct);
            return result.Succeeded ? Results.NoContent()
                : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Not changed");
        });
        return endpoints;
    }
}
