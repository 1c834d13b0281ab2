using BlueLamp.Channels.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Channels.Tests;

/// <summary>
/// The clients as the web app registers them, pointed at a fake platform, with back-off shortened so tests stay fast.
/// The system clock is kept on purpose: the resilience pipeline waits on it, and a frozen fake clock would never let a retry happen.
/// </summary>
internal static class PlatformClients
{
    public static ServiceProvider For(FakePlatform platform, int maxRetries = 2)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Meta:GraphBaseUrl"] = platform.BaseUrl + "graph",
            ["Channels:Meta:GraphApiVersion"] = "v24.0",
            ["Channels:X:ApiBaseUrl"] = platform.BaseUrl.ToString(),
            ["Channels:Bluesky:ServiceUrl"] = platform.BaseUrl.ToString(),
            ["Channels:Resilience:MaxRetryAttempts"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Resilience:BaseDelay"] = "00:00:00.010",
            ["Channels:Resilience:MaxRetryAfter"] = "00:00:05",
            ["Channels:Resilience:AttemptTimeout"] = "00:00:05",
            ["Channels:Resilience:TotalTimeout"] = "00:00:20",
        }).Build();
        var services = new ServiceCollection();
        services.AddPlatformClients(configuration);
        return services.BuildServiceProvider();
    }
}
