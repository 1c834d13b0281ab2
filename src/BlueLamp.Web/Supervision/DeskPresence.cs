using System.Collections.Concurrent;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlueLamp.Web.Supervision;

/// <summary>Who has BlueLamp open right now, per force: every connected desk circuit counts as "on shift".</summary>
public sealed class DeskPresence
{
    private readonly ConcurrentDictionary<string, (DeskUser User, DateTimeOffset Since)> _circuits = new();

    public void Connected(string circuitId, DeskUser user, DateTimeOffset at) => _circuits[circuitId] = (user, at);

    public void Disconnected(string circuitId) => _circuits.TryRemove(circuitId, out _);

    /// <summary>Each connected user of the force once, with when their earliest open screen connected.</summary>
    public IReadOnlyList<(DeskUser User, DateTimeOffset Since)> OnShift(Guid forceId) =>
        _circuits.Values
            .Where(c => c.User.ForceId == forceId)
            .GroupBy(c => c.User.UserId)
            .Select(g => (g.First().User, g.Min(c => c.Since)))
            .OrderBy(c => c.User.DisplayName, StringComparer.CurrentCulture)
            .ToList();
}

/// <summary>Tells <see cref="DeskPresence"/> when a signed-in user's circuit opens and closes.</summary>
internal sealed class DeskPresenceCircuitHandler(DeskPresence presence, AuthenticationStateProvider authentication, TimeProvider time) : CircuitHandler
{
    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var state = await authentication.GetAuthenticationStateAsync();
        if (DeskUser.From(state.User) is { } user)
            presence.Connected(circuit.Id, user, time.GetUtcNow());
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        presence.Disconnected(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        presence.Disconnected(circuit.Id);
        return Task.CompletedTask;
    }
}
