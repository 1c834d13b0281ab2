using BlueLamp.Channels.Common;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Works the outbox: leases each due reply (a conditional update, so two nodes never send the same one), sends it
/// through <see cref="ReplyDelivery"/> (which retries 5xx and 429 itself, honouring Retry-After), and records the end:
/// delivered with the platform's id, or failed with the platform's error for the operator to see and retry. Both
/// are audited; a refused token also marks the account for reconnection.
/// </summary>
public sealed class OutboundSender(
    ReplyDelivery delivery,
    ConnectedAccounts accounts,
    BlueLampDbFactory dbs,
    AuditTrail audit,
    IDeskEvents deskEvents,
    OutboundSignal signal,
    IHostApplicationLifetime lifetime,
    IOptions<ChannelIntakeOptions> options,
    TimeProvider time,
    ILogger<OutboundSender> logger) : BackgroundService
{
    private const string Actor = "BlueLamp (outbound)";

    /// <summary>Sends every reply that is due now; returns how many it sent or failed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var handled = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            await using var db = dbs.Unscoped();
            // Across forces: each reply is then sent and recorded within its own force.
            var due = await db.OutboundDeliveries.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.CompletedAt == null && d.DueAt <= now)
                .OrderBy(d => d.QueuedAt)
                .Take(20)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
                return handled;
            await Task.WhenAll(due.Select(d => LeaseAndSendAsync(d, now, cancellationToken)));
            handled += due.Count;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ChannelBackgroundWork.WorkOutboxAsync(lifetime, signal, options.Value.OutboxInterval, logger, "The outbox of replies", SendDueAsync, stoppingToken);

    private async Task LeaseAndSendAsync(OutboundDelivery due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var lease = dbs.ForForce(due.ForceId))
        {
            var leased = await lease.OutboundDeliveries
                .Where(d => d.Id == due.Id && d.CompletedAt == null && d.DueAt == due.DueAt)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.DueAt, now + options.Value.OutboxLease)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (leased == 0)
                return; // another sender has it
        }
        var result = await delivery.SendAsync(due, cancellationToken);
        if (result.Failure is { NeedsReconnect: true } refused && await accounts.GetAsync(due.AccountId, cancellationToken) is { } account)
            await accounts.ReportFailureAsync(account, refused, cancellationToken);

        await using var db = dbs.ForForce(due.ForceId);
        var message = await db.Messages.SingleAsync(m => m.Id == due.MessageId, cancellationToken);
        var outbox = await db.OutboundDeliveries.SingleAsync(d => d.Id == due.Id, cancellationToken);
        outbox.Complete(time.GetUtcNow());
        AuditEntry entry;
        if (result.IsSent)
        {
            message.Delivered(result.PlatformMessageId!);
            entry = new AuditEntry(ChannelAuditActions.ReplyDelivered, null, Actor, "conversation", due.ConversationId.ToString("D"),
                $"message {due.MessageId:D} as {result.PlatformMessageId}");
        }
        else
        {
            var failure = result.Failure!;
            message.DeliveryFailed(Describe(failure));
            logger.LogWarning("Reply {MessageId} could not be delivered: {Error}", due.MessageId, failure.Error);
            entry = new AuditEntry(ChannelAuditActions.ReplyFailed, null, Actor, "conversation", due.ConversationId.ToString("D"),
                $"message {due.MessageId:D}: {failure.Error}");
        }
        await audit.SaveWithAuditAsync(db, entry, cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(due.ForceId, due.ConversationId, DeskEventKind.ReplySent, due.MessageId), cancellationToken);
    }

    private static string Describe(PlatformFailure failure) =>
        failure.RefusedBeforeSending ? $"Not sent: {failure.Error}"
        : failure.NeedsReconnect ? $"{failure.Error} The account must be reconnected."
        : failure.Retryable ? $"{failure.Error} BlueLamp tried several times; retry when the platform is back."
        : failure.Error;
}
