using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Publishing;
using BlueLamp.Web.Channels;

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
            .Validate(o => o.HoldRetryAttempts is >= 1 and <= 50, "Publishing:HoldRetryAttempts must be between 1 and 50.")
            .Validate(o => o.HoldRetryFirstDelay > TimeSpan.Zero && o.HoldRetryLongestDelay >= o.HoldRetryFirstDelay,
                "Publishing:HoldRetryFirstDelay must be above 0 and Publishing:HoldRetryLongestDelay at least as long.")
            .ValidateOnStart();
        // The platform connectors and connected accounts come from the channels capability (AddPlatformChannels).
        if (!services.Any(d => d.ServiceType == typeof(MetaGraphClient)))
            throw new InvalidOperationException("Publishing needs the platform channels: call builder.AddPlatformChannels() before builder.AddPublishing().");
        if (ChannelsRegistration.IsDemo(builder.Configuration))
        {
            // In demo mode the platforms are this app's own simulator, whose port is known only once Kestrel binds.
            services.AddHttpClient<MetaPublishingClient>().AddHttpMessageHandler<DemoSelfAddress>();
            services.AddHttpClient<XPublishingClient>().AddHttpMessageHandler<DemoSelfAddress>();
        }
        services.AddSingleton(new PlatformLimits(XTextLength.Count, BlueskyTextLength.Count));
        services.AddSingleton<IPostPublisher, FacebookPublisher>();
        services.AddSingleton<IPostPublisher, InstagramPublisher>();
        services.AddSingleton<IPostPublisher, XPublisher>();
        services.AddSingleton<IPostPublisher, BlueskyPublisher>();
        services.AddSingleton<CopySender>();
        services.AddSingleton<CommentHold>();
        services.AddSingleton<CommentHoldLift>();
        services.AddSingleton<PostScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<PostScheduler>());
        services.AddSingleton<PostActors>();
        services.AddSingleton<PostDesk>();
        services.AddSingleton<CriticalIncidentLockdown>();
        services.AddSingleton<AppealDesk>();
        services.AddSingleton<PostCalendar>();
        services.AddSingleton<PostResponses>();
        services.AddSingleton<PostingRightsRegister>();
        services.AddScoped<DemoPublishing>();
        return builder;
    }
}
