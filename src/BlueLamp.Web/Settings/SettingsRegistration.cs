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
        builder.Services.AddSingleton<AccountProfiles>();
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
        settings.MapGet("/life-at-risk", async (HttpContext http, DeskSettings desk, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid() : Results.Ok(await desk.LifeAtRiskAsync(user, ct)));

        settings.MapPut("/life-at-risk", async (LifeAtRiskSettings request, HttpContext http, DeskSettings desk, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await desk.SetLifeAtRiskAsync(user, request, ct);
            return result.Succeeded ? Results.NoContent()
                : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Not changed");
        });

        settings.MapGet("/first-look", async (HttpContext http, DeskSettings desk, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid() : Results.Ok(await desk.FirstLookAsync(user, ct)));

        settings.MapPut("/first-look", async (FirstLookRequest request, HttpContext http, DeskSettings desk, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await desk.SetFirstLookAsync(user, request?.Minutes, ct);
            return result.Succeeded ? Results.Ok(await desk.FirstLookAsync(user, ct))
                : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Not changed");
        });

        settings.MapGet("/life-at-risk-model", async (HttpContext http, DeskSettings desk, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid() : Results.Ok(await desk.LifeAtRiskModelAsync(user, ct)));

        settings.MapPut("/life-at-risk-model", async (LifeAtRiskModelRequest request, HttpContext http, DeskSettings desk, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await desk.SetLifeAtRiskModelAsync(user, request?.Enabled, ct);
            return result.Succeeded ? Results.Ok(await desk.LifeAtRiskModelAsync(user, ct))
                : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Not changed");
        });

        settings.MapGet("/accounts/profile-text", async (HttpContext http, AccountProfiles profiles, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid() : Results.Ok(await profiles.ListAsync(user, ct)));

        settings.MapPost("/accounts/{id:guid}/profile-text/push", async (Guid id, PushRequest request, HttpContext http, AccountProfiles profiles, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await profiles.PushAsync(user, id, request?.Language, ct);
            return result.ConversationMissing ? Results.NotFound()
                : result.Succeeded ? Results.Ok(new { pushed = true })
                : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Not pushed");
        });
        return endpoints;
    }

    /// <summary>Which language of the profile text to set on the platform: "en" or "cy".</summary>
    public sealed record PushRequest(string? Language);
}
