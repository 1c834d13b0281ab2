using System.Reflection;
using BlueLamp.Simulator.Bluesky;
using BlueLamp.Simulator.Control;
using BlueLamp.Simulator.Delivery;
using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.Meta;
using BlueLamp.Simulator.State;
using BlueLamp.Simulator.X;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace BlueLamp.Simulator;

/// <summary>
/// Hosts the platform simulator in any ASP.NET Core app: <c>services.AddPlatformSimulator(configuration)</c>,
/// <c>app.MapPlatformSimulator()</c>, and <see cref="ComponentsAssembly"/> in the router's AdditionalAssemblies
/// for the /simulator page.
/// </summary>
public static class SimulatorRegistration
{
    /// <summary>The assembly holding the /simulator page, for <c>AddAdditionalAssemblies</c>.</summary>
    public static Assembly ComponentsAssembly => typeof(SimulatorRegistration).Assembly;

    public static IServiceCollection AddPlatformSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookDelivery.HttpClientName);
        services.AddMudServices();

        services.AddSingleton<PlatformIds>();
        services.AddSingleton<SimulatorState>();
        services.AddSingleton<UploadedMedia>();
        services.AddSingleton<FaultBoard>();
        services.AddSingleton<FaultGate>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookDelivery>();
        services.AddSingleton<WebhookHandshakes>();
        services.AddSingleton<AccountEchoes>();
        services.AddSingleton<PublicActivity>();

        services.AddSingleton<MetaWebhooks>();
        services.AddSingleton<GraphGate>();
        services.AddSingleton<GraphSendApi>();
        services.AddSingleton<GraphCommentsApi>();
        services.AddSingleton<GraphPageProfileApi>();
        services.AddSingleton<GraphReadApi>();
        services.AddSingleton<GraphPublishingApi>();

        services.AddSingleton<XActivityPayloads>();
        services.AddSingleton<XGate>();
        services.AddSingleton<XApi>();

        services.AddSingleton<SessionTokens>();
        services.AddSingleton<XrpcGate>();
        services.AddSingleton<BlueskyViews>();
        services.AddSingleton<BlueskyServerApi>();
        services.AddSingleton<BlueskyNotificationsApi>();
        services.AddSingleton<BlueskyRepoApi>();
        services.AddSingleton<BlueskyChatApi>();
        return services;
    }

    /// <summary>
    /// Maps the platforms' API paths (Graph /{version}/…, X /2/…, Bluesky /xrpc/…) and the control API
    /// (/simulator/api/…) at the root, so a connector's base URL is just this host's address.
    /// </summary>
    public static IEndpointRouteBuilder MapPlatformSimulator(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGraphApi();
        endpoints.MapXApi();
        endpoints.MapXrpc();
        endpoints.MapSimulatorControl();
        return endpoints;
    }
}
