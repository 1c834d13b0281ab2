using BlueLamp.Channels.Common;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Http.Resilience;

namespace BlueLamp.Web.Triage;

/// <summary>The triage engine, the SLA policy, the desk clock, the control room and its link to command and control.</summary>
public static class TriageRegistration
{
    public static WebApplicationBuilder AddTriage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ForceIndicatorSets>();
        builder.Services.AddSingleton(SlaPolicy.Default);
        builder.Services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section)
            .Validate(o => o.HandoverAcknowledgeLimit > TimeSpan.Zero && o.ClockInterval > TimeSpan.Zero && o.IndicatorSetRefresh > TimeSpan.Zero
                && o.ReferralsPerKeyPerMinute > 0 && o.FailedReferralAuthenticationsPerMinute > 0, "Triage limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DeskClock>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeskClock>());
        builder.Services.AddSingleton<ControlRoom>();
        builder.Services.AddSingleton<LifeAtRiskAlarms>();
        builder.Services.AddSingleton<EmergencyReferrals>();
        builder.Services.AddSingleton<ReferralApiKeys>();
        builder.Services.AddSingleton<ReferralRateLimits>();

        builder.Services.AddOptions<CommandAndControlOptions>().BindConfiguration(CommandAndControlOptions.Section)
            .Validate(o => o.SendInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero && o.FirstRetryDelay > TimeSpan.Zero && o.LongestRetryDelay >= o.FirstRetryDelay,
                "Triage:CommandAndControl intervals must be positive, and LongestRetryDelay at least FirstRetryDelay.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CommandAndControlSecrets>();
        builder.Services.AddSingleton<CommandAndControlSettings>();
        builder.Services.AddSingleton<CommandAndControlSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CommandAndControlSender>());
        var client = builder.Services.AddHttpClient(CommandAndControlSender.HttpClientName,
            http => http.DefaultRequestHeaders.UserAgent.ParseAdd("BlueLamp-CommandAndControl/1"));
        // Each force's receiver gets its own circuit breaker: one force's outage must not hold back another's handovers.
        client.AddPlatformResilience().SelectPipelineByAuthority();
        if (ChannelsRegistration.IsDemo(builder.Configuration))
        {
            client.AddHttpMessageHandler<DemoSelfAddress>();
            builder.Services.AddSingleton<DemoCommandAndControl>();
        }
        return builder;
    }

    /// <summary>The control room's "retry now", the administrators' settings API and, in demo mode, the demo command-and-control receiver.</summary>
    public static WebApplication MapTriage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/control-room").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.ControlRoom + "," + Roles.Supervisor }).DisableAntiforgery()
            .MapPost("/handovers/{id:guid}/command-and-control/retry", async (Guid id, HttpContext http, CommandAndControlSender sender, CancellationToken ct) =>
            {
                if (DeskUser.From(http.User) is not { } user)
                    return Results.Forbid();
                var result = await sender.RetryNowAsync(user, id, ct);
                return result.ConversationMissing ? Results.NotFound()
                    : result.Succeeded ? Results.Accepted()
                    : Results.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);
            });

        var admin = app.MapGroup("/api/admin").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Administrator }).DisableAntiforgery();
        admin.MapGet("/command-and-control", async (HttpContext http, CommandAndControlSettings settings, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid() : Results.Ok(await settings.GetAsync(user, ct)));
        admin.MapPut("/command-and-control", async (CommandAndControlLinkRequest request, HttpContext http, CommandAndControlSettings settings, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await settings.SaveAsync(user, request, ct);
            return result.Succeeded ? Results.Ok(await settings.GetAsync(user, ct)) : Results.ValidationProblem(Fields(result), title: "Not saved");
        });

        admin.MapGet("/referral-keys", async (HttpContext http, ReferralApiKeys keys, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid() : Results.Ok(await keys.ListAsync(user, ct)));
        admin.MapPost("/referral-keys", async (ReferralKeyRequest request, HttpContext http, ReferralApiKeys keys, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var (result, key) = await keys.CreateAsync(user, request?.Name, ct);
            return result.Succeeded ? Results.Created($"/api/admin/referral-keys/{result.CreatedId}", new { id = result.CreatedId, key })
                : Results.ValidationProblem(Fields(result), title: "No key made");
        });
        admin.MapPost("/referral-keys/{id:guid}/revoke", async (Guid id, HttpContext http, ReferralApiKeys keys, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await keys.RevokeAsync(user, id, ct);
            return result.ConversationMissing ? Results.NotFound() : result.Succeeded ? Results.Ok(new { revoked = true })
                : Results.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);
        });

        admin.MapGet("/indicator-set", async (HttpContext http, ForceIndicatorSets sets, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid() : Results.Ok(await sets.GetAsync(user, ct)));
        admin.MapPost("/indicator-set/preview", async (IndicatorSetRequest request, HttpContext http, ForceIndicatorSets sets, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var (effect, result) = await sets.PreviewAsync(user, request?.Json, ct);
            return result.Succeeded ? Results.Ok(effect) : Results.ValidationProblem(Fields(result), title: "Not a usable indicator set");
        });
        admin.MapPut("/indicator-set", async (IndicatorSetRequest request, HttpContext http, ForceIndicatorSets sets, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await sets.SaveAsync(user, request?.Json, request?.BasedOnVersion, ct);
            return result.Succeeded ? Results.Ok(await sets.GetAsync(user, ct)) : Results.ValidationProblem(Fields(result), title: "Not saved");
        });

        app.MapEmergencyReferralEndpoint();

        if (ChannelsRegistration.IsDemo(app.Configuration))
        {
            app.MapPost(DemoCommandAndControl.Path, (HttpRequest request, DemoCommandAndControl receiver, CancellationToken ct) => receiver.ReceiveAsync(request, ct))
                .AllowAnonymous().DisableAntiforgery();
        }
        return app;
    }

    /// <summary>An administrator's proposed indicator set, and the version they started from (to refuse overwriting someone else's save).</summary>
    public sealed record IndicatorSetRequest(string? Json, string? BasedOnVersion);

    /// <summary>An administrator's request for a new referral key.</summary>
    public sealed record ReferralKeyRequest(string? Name);

    internal static Dictionary<string, string[]> Fields(Desk.DeskResult result) =>
        result.Errors.ToDictionary(e => e.Key.Length == 0 ? "request" : e.Key, e => new[] { e.Value });
}
