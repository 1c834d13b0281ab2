using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The proof that nothing was missed: reads each account's recent conversations, comments, mentions and notifications
/// from the platform's own list endpoints and stores them through the same door as webhooks, so whatever a webhook
/// never delivered is backfilled and nothing is stored twice. A refused token marks the account for reconnection.
/// </summary>
public sealed class Reconciliation(
    MetaGraphClient meta,
    XApiClient x,
    AccountPolling polling,
    InboundEventStore store,
    ConnectedAccounts accounts,
    IOptions<ChannelIntakeOptions> options,
    ILogger<Reconciliation> logger)
{
    private int _completedRuns;

    /// <summary>How many full passes have finished since start (the first is the start-up pass).</summary>
    public int CompletedRuns => Volatile.Read(ref _completedRuns);

    /// <summary>Reconciles every connected account once; returns how many events were new (backfilled).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var backfilled = 0;
        foreach (var account in await accounts.AllAsync(cancellationToken))
            backfilled += await ReconcileAsync(account, cancellationToken);
        Interlocked.Increment(ref _completedRuns);
        return backfilled;
    }

    /// <summary>
    /// X direct messages, newest first, read back until a page brings nothing new. X may refuse DM access (it is
    /// pay-per-use and moving to encrypted chat): that does not stop the account, but it is kept and shown on the
    /// desk as "DM intake at risk", because then only the webhook stands between a person's DM and the desk.
    /// </summary>
    private async Task<(int Backfilled, PlatformFailure? Failure)> ReconcileXDirectMessagesAsync(ConnectedAccount account, CancellationToken cancellationToken)
    {
        var backfilled = 0;
        string? token = null;
        for (var page = 0; page < options.Value.MaxPollPages; page++)
        {
            var result = await x.ListDirectMessagesAsync(account.X(), token, cancellationToken);
            if (!result.IsSuccess)
            {
                if (result.Failure!.NeedsReconnect)
                    return (backfilled, result.Failure);
                await accounts.DirectMessagesCheckedAsync(account, result.Failure.Error, cancellationToken);
                return (backfilled, null);
            }
            var stored = (await store.StoreAsync(account, result.Value!.Parsed.Events, InboundEventStore.FromReconciliation, cancellationToken)).Stored;
            backfilled += stored;
            token = result.Value.NextToken;
            if (token is null || stored == 0)
                break;
        }
        await accounts.DirectMessagesCheckedAsync(account, null, cancellationToken);
        return (backfilled, null);
    }

    public async Task<int> ReconcileAsync(ConnectedAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var backfilled = 0;
        PlatformFailure? failure;
        switch (account.Platform)
        {
            case Platform.Facebook or Platform.Instagram:
                var messages = await meta.ListRecentMessagesAsync(account.Meta(), cancellationToken: cancellationToken);
                failure = messages.Failure;
                if (messages.IsSuccess)
                    backfilled += (await store.StoreAsync(account, messages.Value!, InboundEventStore.FromReconciliation, cancellationToken)).Stored;
                if (failure is null)
                {
                    var comments = await meta.ListRecentCommentsAsync(account.Meta(), cancellationToken: cancellationToken);
                    failure = comments.Failure;
                    if (comments.IsSuccess)
                        backfilled += (await store.StoreAsync(account, comments.Value!, InboundEventStore.FromReconciliation, cancellationToken)).Stored;
                }
                break;
            case Platform.X:
                failure = await polling.PollXMentionsAsync(account, readBackFully: true, cancellationToken);
                if (failure is null)
                    (backfilled, failure) = await ReconcileXDirectMessagesAsync(account, cancellationToken);
                break;
            case Platform.Bluesky:
                failure = await polling.PollBlueskyNotificationsAsync(account, readBackFully: true, cancellationToken)
                    ?? await polling.PollBlueskyChatsAsync(account, cancellationToken);
                break;
            default:
                return 0;
        }
        if (failure is not null)
        {
            await accounts.ReportFailureAsync(account, failure, cancellationToken);
            return backfilled;
        }
        await accounts.ReconciledAsync(account, cancellationToken);
        if (backfilled > 0)
            logger.LogWarning("Reconciliation backfilled {Count} events of {Platform} account {AccountId} that no webhook delivered", backfilled, account.Platform, account.AccountId);
        return backfilled;
    }
}
