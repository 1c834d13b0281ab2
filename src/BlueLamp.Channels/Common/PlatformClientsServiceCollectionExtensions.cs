using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BlueLamp.Channels.Common;

/// <summary>Registers the platform clients, their options and one resilience pipeline per platform.</summary>
public static class PlatformClientsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MetaGraphClient"/>, <see cref="XApiClient"/> and <see cref="BlueskyClient"/> as typed
    /// HttpClients, bound to <c>Channels:Meta</c>, <c>Channels:X</c>, <c>Channels:Bluesky</c> and
    /// <c>Channels:Resilience</c>, validated at start. Each gets retries with exponential back-off on 5xx, 408,
    /// 429 and timeouts (honouring the platform's Retry-After), a circuit breaker, and attempt and total timeouts.
    /// </summary>
    public static IServiceCollection AddPlatformClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BlueskySessionCache>();

        services.AddOptions<MetaOptions>().Bind(configuration.GetSection(MetaOptions.SectionName))
            .Validate(o => o.GraphBaseUrl.IsAbsoluteUri, "Channels:Meta:GraphBaseUrl must be an absolute URL.")
            .Validate(o => o.GraphApiVersion is { Length: > 1 } v && v[0] == 'v', "Channels:Meta:GraphApiVersion must look like 'v24.0'.")
            .ValidateOnStart();
        services.AddOptions<XOptions>().Bind(configuration.GetSection(XOptions.SectionName))
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Channels:X:ApiBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<BlueskyOptions>().Bind(configuration.GetSection(BlueskyOptions.SectionName))
            .Validate(o => o.ServiceUrl.IsAbsoluteUri, "Channels:Bluesky:ServiceUrl must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChatProxy), "Channels:Bluesky:ChatProxy must be set.")
            .ValidateOnStart();
        services.AddOptions<PlatformResilienceOptions>().Bind(configuration.GetSection(PlatformResilienceOptions.SectionName))
            .Validate(o => o.MaxRetryAttempts is >= 0 and <= 10, "Channels:Resilience:MaxRetryAttempts must be 0-10.")
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero, "Channels:Resilience delays and timeouts must be positive.")
            .Validate(o => o.TotalTimeout > o.AttemptTimeout, "Channels:Resilience:TotalTimeout must be longer than AttemptTimeout.")
            .Validate(o => o.CircuitBreakerFailureRatio is > 0 and <= 1, "Channels:Resilience:CircuitBreakerFailureRatio must be in (0, 1].")
            .ValidateOnStart();

        services.AddHttpClient<MetaGraphClient>().AddPlatformResilience();
        services.AddHttpClient<XApiClient>().AddPlatformResilience();
        services.AddHttpClient<BlueskyClient>().AddPlatformResilience();
        services.AddHttpClient<MetaPublishingClient>().AddPlatformResilience();
        services.AddHttpClient<XPublishingClient>().AddPlatformResilience();
        services.AddHttpClient<ImageDownloader>().AddPlatformResilience();
        return services;
    }

    /// <summary>The platforms' resilience pipeline (retries with back-off, circuit breaker, timeouts from <c>Channels:Resilience</c>), for any outbound client.</summary>
    public static IHttpStandardResiliencePipelineBuilder AddPlatformResilience(this IHttpClientBuilder builder) =>
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions pipeline, IServiceProvider services) =>
        {
            var settings = services.GetRequiredService<IOptions<PlatformResilienceOptions>>().Value;
            var time = services.GetRequiredService<TimeProvider>();
            pipeline.Retry.MaxRetryAttempts = settings.MaxRetryAttempts;
            pipeline.Retry.BackoffType = DelayBackoffType.Exponential;
            pipeline.Retry.UseJitter = true;
            pipeline.Retry.Delay = settings.BaseDelay;
            pipeline.Retry.ShouldHandle = args => ValueTask.FromResult(PlatformRetryDelay.ShouldRetry(args.Outcome, settings.MaxRetryAfter, time));
            pipeline.Retry.DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? PlatformRetryDelay.FromHeaders(response, time) : null);
            pipeline.AttemptTimeout.Timeout = settings.AttemptTimeout;
            pipeline.TotalRequestTimeout.Timeout = settings.TotalTimeout;
            pipeline.CircuitBreaker.FailureRatio = settings.CircuitBreakerFailureRatio;
            pipeline.CircuitBreaker.MinimumThroughput = Math.Max(2, settings.CircuitBreakerMinimumThroughput);
            pipeline.CircuitBreaker.BreakDuration = settings.CircuitBreakerBreakDuration;
            // The breaker must watch at least two attempt timeouts, or a slow platform could never trip it.
            var sampling = TimeSpan.FromSeconds(30);
            pipeline.CircuitBreaker.SamplingDuration = sampling > settings.AttemptTimeout * 2 ? sampling : settings.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);
        });
}
