using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BlueLamp.Web.Channels;

/// <summary>
/// In demo mode the platforms are this app: the platform clients and the simulator's webhooks call its own address.
/// That address comes from <c>Urls</c>; when it says port 0 (tests, "any free port"), the port Kestrel really bound is
/// put in at call time.
/// </summary>
public sealed class DemoSelfAddress(IServer server) : DelegatingHandler
{
    /// <summary>This app's address as configuration gives it, made callable (a wildcard host becomes localhost).</summary>
    public static string FromUrls(string? urls)
    {
        var first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? "http://localhost:5080";
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return first.TrimEnd('/');
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsLoopback: true, Port: 0 } uri && Bound() is { } bound)
            request.RequestUri = new UriBuilder(uri) { Host = bound.Host, Port = bound.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }

    private Uri? Bound() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Where(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            .Select(a => new Uri(a.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)))
            .FirstOrDefault(u => u.Port != 0);
}
