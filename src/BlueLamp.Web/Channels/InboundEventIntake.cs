using BlueLamp.Channels.Common;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Contact;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Takes one stored platform event to the desk: a new message goes through <see cref="ContactIntake"/> (which keeps
/// one message per platform id); an edit changes the stored text and a removal marks the message removed. An edit
/// or removal that overtook its message brings the message in first. Done once: the event is then marked processed.
/// </summary>
public sealed class InboundEventIntake(BlueLampDbFactory dbs, ContactIntake intake, IDeskEvents deskEvents, TimeProvider time, ILogger<InboundEventIntake> logger)
{
    /// <summary>Events that failed this often are left for a person to look at instead of being tried forever.</summary>
    public const int MaxAttempts = 10;

    public async Task ProcessAsync(Guid forceId, Guid eventId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var row = await db.InboundEvents.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (row is null || row.ProcessedAt is not null || row.Attempts >= MaxAttempts)
            return;
        try
        {
            var channelEvent = ChannelEventJson.Read(row.Event, row.Payload);
            var result = await intake.ReceiveAsync(forceId, InboundOf(channelEvent, row.AccountId), cancellationToken);
            if (channelEvent.Verb != ChannelEventVerb.Created)
                await ApplyChangeAsync(forceId, result, channelEvent, cancellationToken);
            row.Processed(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept unprocessed with the reason; the sweep tries it again. No message text in the log.
            logger.LogError(e, "Inbound event {EventId} of account {AccountId} could not reach the desk (attempt {Attempt})", row.Id, row.AccountId, row.Attempts + 1);
            row.Failed($"{e.GetType().Name}: {e.Message}");
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private static InboundMessage InboundOf(ChannelEvent channelEvent, Guid accountId)
    {
        var inbound = channelEvent.ToInboundMessage(accountId);
        var text = string.IsNullOrWhiteSpace(inbound.Text) ? "[no text]" : inbound.Text;
        if (text.Length > Message.MaxTextLength)
            text = text[..(Message.MaxTextLength - 1)] + "…";
        return inbound with { Text = text, ParentPostId = channelEvent.ParentPost?.Id, ThreadRootPostId = channelEvent.ThreadRoot?.Id };
    }

    private async Task ApplyChangeAsync(Guid forceId, IntakeResult result, ChannelEvent change, CancellationToken cancellationToken)
    {
        await using var db = dbs.ForForce(forceId);
        var message = await db.Messages.SingleAsync(m => m.Id == result.MessageId, cancellationToken);
        if (change.Verb == ChannelEventVerb.Edited && !string.IsNullOrWhiteSpace(change.Text))
            message.Edit(change.Text, change.SentAt);
        else if (change.Verb == ChannelEventVerb.Removed)
            message.Remove(change.SentAt);
        await db.SaveChangesAsync(cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(forceId, result.ConversationId, DeskEventKind.MessageReceived, message.Id), cancellationToken);
    }
}
