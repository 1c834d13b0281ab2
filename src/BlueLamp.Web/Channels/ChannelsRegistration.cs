using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Identity;
using BlueLamp.Simulator;
using BlueLamp.Simulator.Delivery;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration.Memory;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Facebook, Instagram, X and Bluesky in and out: webhooks, pollers, reconciliation, the outbox, account credentials
/// and warnings. In demo mode the platform simulator is hosted in this app and every platform address points here.
/// </summary>
public static class ChannelsRegistration
{
    public static WebApplicationBuilder AddPlatformChannels(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var demo = IsDemo(builder.Configuration);
        if (demo)
        {
            // Lowest priority, so any Channels:… or Simulator:… setting given still wins.
            var self = DemoSelfAddress.FromUrls(builder.Configuration["Urls"]);
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?>
                {
                    ["Channels:Meta:GraphBaseUrl"] = self,
                    ["Channels:X:ApiBaseUrl"] = self,
                    ["Channels:Bluesky:ServiceUrl"] = self,
                    ["Simulator:MetaWebhookUrl"] = self + MetaWebhookEndpoints.Path,
                    ["Simulator:XWebhookUrl"] = self + XWebhookEndpoints.Path,
                },
            });
        }

        var services = builder.Services;
        services.AddPlatformClients(builder.Configuration);
        services.AddOptions<ChannelIntakeOptions>().Bind(builder.Configuration.GetSection(ChannelIntakeOptions.SectionName))
            .Validate(o => o.MaxWebhookBytes is >= 1024 and <= 64 * 1024 * 1024, "Channels:Intake:MaxWebhookBytes must be between 1 KB and 64 MB.")
            .Validate(o => o.BlueskyPollInterval > TimeSpan.Zero && o.XMentionsPollInterval > TimeSpan.Zero && o.ReconcileInterval > TimeSpan.Zero
                && o.SweepInterval > TimeSpan.Zero && o.OutboxInterval > TimeSpan.Zero && o.OutboxLease > TimeSpan.Zero, "Channels:Intake intervals must be positive.")
            .Validate(o => o.IntakeWorkers is >= 1 and <= 64, "Channels:Intake:IntakeWorkers must be 1-64.")
            .Validate(o => o.IntakeBatchSize is >= 1 and <= 1000, "Channels:Intake:IntakeBatchSize must be 1-1000.")
            .Validate(o => o.FirstPollPages >= 1 && o.MaxPollPages >= o.FirstPollPages, "Channels:Intake poll pages must be at least 1, and MaxPollPages at least FirstPollPages.")
            .ValidateOnStart();

        services.AddSingleton<CredentialVault>();
        services.AddSingleton<ConnectedAccounts>();
        services.AddSingleton<ChannelCounters>();
        services.AddSingleton<InboundEventQueue>();
        services.AddSingleton<InboundEventWriter>();
        services.AddSingleton<InboundEventStore>();
        services.AddSingleton<InboundEventIntake>();
        services.AddSingleton<InboundEventProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundEventProcessor>());
        services.AddSingleton<AccountPolling>();
        services.AddHostedService<PollingService>();
        services.AddSingleton<Reconciliation>();
        services.AddHostedService<ReconciliationService>();
        services.AddSingleton<OutboundSignal>();
        services.AddSingleton<OutboundReplies>();
        services.AddSingleton<PrivateReplyRules>();
        services.AddSingleton<CommentHiding>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<OutboundSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboundSender>());
        services.AddSingleton<AccountWarnings>();
        services.AddSingleton<AccountRegister>();
        services.AddHealthChecks().AddCheck<AccountsHealthCheck>("accounts");

        if (demo)
        {
            services.AddPlatformSimulator(builder.Configuration);
            services.AddSingleton<DemoChannels>();
            services.AddTransient<DemoSelfAddress>();
            services.AddHttpClient(WebhookDelivery.HttpClientName).AddHttpMessageHandler<DemoSelfAddress>();
            services.AddHttpClient<MetaGraphClient>().AddHttpMessageHandler<DemoSelfAddress>();
            services.AddHttpClient<XApiClient>().AddHttpMessageHandler<DemoSelfAddress>();
            services.AddHttpClient<BlueskyClient>().AddHttpMessageHandler<DemoSelfAddress>();
        }
        return builder;
    }

    /// <summary>The webhooks, the desk's "send again" action and, in demo mode, the simulator's platform and control APIs.</summary>
    public static WebApplication MapPlatformChannels(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMetaWebhooks();
        app.MapXWebhooks();
        app.MapGroup("/api/desk").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Desk }).DisableAntiforgery()
            .MapPost("/conversations/{id:guid}/messages/{messageId:guid}/retry", async (Guid id, Guid messageId, HttpContext http, OutboundReplies replies, CancellationToken ct) =>
            {
                if (DeskUser.From(http.User) is not { } user)
                    return Results.Forbid();
                var result = await replies.RetryAsync(user, id, messageId, ct);
                return result.ConversationMissing ? Results.NotFound()
                    : result.Succeeded ? Results.Accepted($"/api/desk/conversations/{id}", new { id = messageId })
                    : Results.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest);
            });
        if (IsDemo(app.Configuration))
            app.MapPlatformSimulator();
        return app;
    }

    /// <summary>Adds the simulator's page to the app's components in demo mode.</summary>
    public static RazorComponentsEndpointConventionBuilder AddPlatformChannelPages(this RazorComponentsEndpointConventionBuilder components, IConfiguration configuration) =>
        IsDemo(configuration) ? components.AddAdditionalAssemblies(SimulatorRegistration.ComponentsAssembly) : components;

    /// <summary>The component assemblies the router must know besides the app's own (the simulator page in demo mode).</summary>
    public static IReadOnlyList<System.Reflection.Assembly> PageAssemblies(IConfiguration configuration) =>
        IsDemo(configuration) ? [SimulatorRegistration.ComponentsAssembly] : [];

    public static bool IsDemo(IConfiguration configuration) => configuration.GetValue("Demo:Enabled", defaultValue: true);
}
