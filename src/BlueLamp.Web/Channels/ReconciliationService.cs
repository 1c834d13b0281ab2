using BlueLamp.Web.Background;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Reconciles every account on start and then every <see cref="ChannelIntakeOptions.ReconcileInterval"/>, on one node at a
/// time (<see cref="JobLeases"/>).
/// </summary>
public sealed class ReconciliationService(
    Reconciliation reconciliation,
    JobLeases leases,
    IHostApplicationLifetime lifetime,
    IOptions<ChannelIntakeOptions> options,
    TimeProvider time,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ChannelBackgroundWork.RepeatAsync(lifetime, options.Value.ReconcileInterval, time, logger, "Reconciliation",
            ct => leases.RunIfHeldAsync("channels.reconciliation", options.Value.ReconcileInterval, reconciliation.RunOnceAsync, ct), stoppingToken);
}
