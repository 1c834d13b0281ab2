namespace BlueLamp.Web.Tests.Channels;

/// <summary>One demo-mode BlueLamp with its simulator, shared by the tests of a class.</summary>
public sealed class ChannelHostFixture : IAsyncLifetime
{
    public ChannelHost Host { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Host = await ChannelHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
