namespace BlueLamp.Web.Tests.Hosting;

/// <summary>One BlueLamp host shared by the tests of a class: started once, thrown away after.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public BlueLampHost Host { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Host.BaseAddress; // start now, so the first test does not pay for it
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
