using BlueLamp.Core.Accounts;
using BlueLamp.Web.Background;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Polls every Bluesky account (notifications and chat) and every X account's mentions at their configured intervals,
/// on one node at a time (<see cref="JobLeases"/>).
/// </summary>
public sealed class PollingService(
    AccountPolling polling,
    ConnectedAccounts accounts,
    JobLeases leases,
    IHostApplicationLifetime lifetime,
    IOptions<ChannelIntakeOptions> options,
    TimeProvider time,
    ILogger<PollingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        ChannelBackgroundWork.RepeatAsync(lifetime, options.Value.BlueskyPollInterval, time, logger, "Bluesky polling",
            ct => leases.RunIfHeldAsync("channels.poll.bluesky", options.Value.BlueskyPollInterval, PollBlueskyAsync, ct), stoppingToken),
        ChannelBackgroundWork.RepeatAsync(lifetime, options.Value.XMentionsPollInterval, time, logger, "X mention polling",
            ct => leases.RunIfHeldAsync("channels.poll.x", options.Value.XMentionsPollInterval, PollXAsync, ct), stoppingToken));

    private async Task PollBlueskyAsync(CancellationToken cancellationToken)
    {
        foreach (var account in (await accounts.AllAsync(cancellationToken)).Where(a => a.Platform == Platform.Bluesky))
        {
            var failure = await polling.PollBlueskyNotificationsAsync(account, cancellationToken: cancellationToken)
                ?? await polling.PollBlueskyChatsAsync(account, cancellationToken);
            if (failure is not null)
                await accounts.ReportFailureAsync(account, failure, cancellationToken);
        }
    }

    private async Task PollXAsync(CancellationToken cancellationToken)
    {
        foreach (var account in (await accounts.AllAsync(cancellationToken)).Where(a => a.Platform == Platform.X))
        {
            if (await polling.PollXMentionsAsync(account, cancellationToken: cancellationToken) is { } failure)
                await accounts.ReportFailureAsync(account, failure, cancellationToken);
        }
    }
}
