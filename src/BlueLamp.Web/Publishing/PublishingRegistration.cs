using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Publishing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlueLamp.Web.Publishing;

/// <summary>Publishing: the composer's rules, the per-platform publishers, the scheduler, lockdown, appeals and the calendar.</summary>
public static class PublishingRegistration
{
    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section)
            .Validate(o => o.SchedulerInterval > TimeSpan.Zero && o.SchedulerInterval <= TimeSpan.FromSeconds(30), "Publishing:SchedulerInterval must be between 0 and 30 seconds, so posts go out within a minute.")
            .Validate(o => o.ClaimLease >= TimeSpan.FromSeconds(10), "Publishing:ClaimLease must be at least 10 seconds.")
            .ValidateOnStart();
        // The platform connectors, unless the channels capability registered them already.
        if (!services.Any(d => d.ServiceType == typeof(MetaGraphClient)))
            services.AddPlatformClients(builder.Configuration);
        services.AddSingleton(new PlatformLimits(XTextLength.Count, BlueskyTextLength.Count));
        services.TryAddSingleton<IAccountSecrets, ConfiguredAccountSecrets>();
        services.AddSingleton<IPostPublisher, FacebookPublisher>();
        services.AddSingleton<IPostPublisher, InstagramPublisher>();
        services.AddSingleton<IPostPublisher, XPublisher>();
        services.AddSingleton<IPostPublisher, BlueskyPublisher>();
        services.AddSingleton<CopySender>();
        services.AddSingleton<PostScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<PostScheduler>());
        services.AddSingleton<PostActors>();
        services.AddSingleton<PostDesk>();
        services.AddSingleton<CriticalIncidentLockdown>();
        services.AddSingleton<AppealDesk>();
        services.AddSingleton<PostCalendar>();
        services.AddScoped<DemoPublishing>();
        return builder;
    }
}
