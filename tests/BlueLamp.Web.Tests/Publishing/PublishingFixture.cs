using BlueLamp.Web.Tests.Hosting;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>The simulator and one BlueLamp host pointed at it, shared by a test class (each test writes its own texts).</summary>
public sealed class PublishingFixture : IAsyncLifetime
{
    public SimulatedPlatforms Platforms { get; private set; } = default!;

    public BlueLampHost Host { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Platforms = await SimulatedPlatforms.StartAsync();
        Host = new BlueLampHost(Platforms.BlueLampSettings());
        _ = Host.BaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Platforms.DisposeAsync();
    }
}
