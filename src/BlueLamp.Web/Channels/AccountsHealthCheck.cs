using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlueLamp.Web.Channels;

/// <summary>
/// /healthz "accounts": Degraded (still HTTP 200: the app works) while any account needs reconnecting, is failing its
/// checks or is unusually quiet, naming each with its reason; webhook events for unknown accounts are counted too.
/// </summary>
public sealed class AccountsHealthCheck(AccountWarnings warnings, ChannelCounters counters) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var found = await warnings.ListAsync(null, cancellationToken);
        var data = new Dictionary<string, object> { ["unknownAccountEvents"] = counters.UnknownAccountTotal };
        if (found.Count == 0)
            return HealthCheckResult.Healthy("Every connected account is reachable.", data);
        foreach (var (warning, index) in found.Select((w, i) => (w, i)))
            data[$"warning{index + 1}"] = warning.ToString();
        return HealthCheckResult.Degraded(string.Join(" | ", found.Select(w => w.ToString())), data: data);
    }
}
