using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>Reconciles every account on start and then every <see cref="ChannelIntakeOptions.ReconcileInterval"/>.</summary>
public sealed class ReconciliationService(
    Reconciliation reconciliation,
    IHostApplicationLifetime lifetime,
    IOptions<ChannelIntakeOptions> options,
    TimeProvider time,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ChannelBackgroundWork.RepeatAsync(lifetime, options.Value.ReconcileInterval, time, logger, "Reconciliation",
            ct => reconciliation.RunOnceAsync(ct), stoppingToken);
}
