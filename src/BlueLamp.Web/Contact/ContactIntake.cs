using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Contact;

/// <summary>
/// Takes in every message from the public, from any channel: finds or creates the person and the
/// conversation, stores the message once (the database's unique index on the platform's message id
/// decides, not a check-then-insert race), and tells every desk.
/// </summary>
public sealed class ContactIntake(BlueLampDbFactory dbs, IDeskEvents deskEvents, TimeProvider time, ILogger<ContactIntake> logger)
{
    private const int MaxAttempts = 4;

    public async Task<IntakeResult> ReceiveAsync(Guid forceId, InboundMessage inbound, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbs.ForForce(forceId);
            var existing = await db.Messages.AsNoTracking()
                .Where(m => m.AccountId == inbound.AccountId && m.PlatformMessageId == inbound.PlatformMessageId)
                .Select(m => new { m.Id, m.ConversationId })
                .SingleOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                var personId = await db.Conversations.Where(c => c.Id == existing.ConversationId).Select(c => c.PersonId).SingleAsync(cancellationToken);
                return new IntakeResult(existing.ConversationId, existing.Id, personId, Duplicate: true);
            }

            var now = time.GetUtcNow();
            var identity = await db.PersonIdentities
                .SingleOrDefaultAsync(i => i.Platform == inbound.Platform && i.PlatformUserId == inbound.PlatformUserId, cancellationToken);
            if (identity is null)
            {
                var person = new Person(Guid.CreateVersion7(), forceId, inbound.DisplayName ?? "", now);
                identity = new PersonIdentity(Guid.CreateVersion7(), forceId, person.Id, inbound.Platform, inbound.PlatformUserId);
                db.People.Add(person);
                db.PersonIdentities.Add(identity);
            }

            var conversation = await db.Conversations
                .SingleOrDefaultAsync(c => c.AccountId == inbound.AccountId && c.ThreadKey == inbound.ThreadKey, cancellationToken);
            if (conversation is null)
            {
                conversation = new Conversation(Guid.CreateVersion7(), forceId, inbound.AccountId, identity.PersonId, inbound.Kind, inbound.ThreadKey, now);
                db.Conversations.Add(conversation);
            }

            var message = Message.Inbound(Guid.CreateVersion7(), forceId, conversation.Id, inbound.AccountId,
                inbound.PlatformMessageId, inbound.Text, inbound.SentAt, now, inbound.ParentPostId);
            conversation.Receive(message);
            db.Messages.Add(message);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another request stored the same message, person or conversation first; look again.
                logger.LogInformation("Inbound message met a concurrent write ({Error}, attempt {Attempt}); retrying", ex.GetType().Name, attempt);
                continue;
            }

            await deskEvents.PublishAsync(new DeskEvent(forceId, conversation.Id, DeskEventKind.MessageReceived, message.Id), cancellationToken);
            return new IntakeResult(conversation.Id, message.Id, identity.PersonId, Duplicate: false);
        }
    }
}
