using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Core.Publishing;
using BlueLamp.Web.Publishing;
using BlueLamp.Web.Triage;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Contact;

/// <summary>
/// Takes in every message from the public, from any channel: finds or creates the person and the
/// conversation, stores the message once (the database's unique index on the platform's message id
/// decides, not a check-then-insert race), assesses it, and tells every desk. A life-at-risk assessment
/// opens the control-room handover and sends the holding reply in the same transaction as the message.
/// </summary>
public sealed class ContactIntake(
    BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, TriageEngine engine, SlaPolicy slaPolicy,
    SurgeGrouping surges, TimeProvider time, ILogger<ContactIntake> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>The name the system signs its own actions with, in messages and the audit trail.</summary>
    public const string SystemName = "BlueLamp (automatic)";

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
            // Read once: the handover summary names it and its rota decides the out-of-hours reply.
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == inbound.AccountId, cancellationToken);
            var identity = await db.PersonIdentities
                .SingleOrDefaultAsync(i => i.Platform == inbound.Platform && i.PlatformUserId == inbound.PlatformUserId, cancellationToken);
            Person? person = null;
            if (identity is null)
            {
                person = new Person(Guid.CreateVersion7(), forceId, inbound.DisplayName ?? "", now);
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

            // A comment under one of our posts (or a DM sharing one) is tied to it: one indexed lookup, and its purpose
            // is triage's context (a sighting under a missing-person appeal is urgent).
            var respondsTo = await PostResponses.FindAsync(db, inbound, cancellationToken);
            if (respondsTo is not null)
                conversation.RespondTo(respondsTo.PostId, respondsTo.Source, SystemName, now);

            // Triage: pure, in-process, microseconds; stored with the message so no message is ever unassessed.
            var result = engine.Assess(inbound.Text, new TriageContext(inbound.Kind, respondsTo?.Purpose.TriageCode()));
            var assessment = RiskAssessment.Record(Guid.CreateVersion7(), forceId, conversation.Id, message.Id, result, now);
            db.RiskAssessments.Add(assessment);
            var newlyAtRisk = conversation.ApplyAutomaticAssessment(assessment, slaPolicy, now);

            await surges.GroupAsync(db, conversation, inbound.Text, now, cancellationToken);

            Handover? handover = null;
            Message? holdingReply = null;
            if (conversation.NeedsControlRoom)
            {
                if (conversation.HandoverId is null)
                {
                    person ??= await db.People.SingleAsync(p => p.Id == identity.PersonId, cancellationToken);
                    handover = new Handover(Guid.CreateVersion7(), forceId, conversation.Id,
                        conversation.LifeAtRisk ? "Life at risk (automatic assessment)" : "Grade 1 (automatic assessment)",
                        HandoverSummary.Write(person, identity, account, conversation, message, assessment), SystemName, now);
                    db.Handovers.Add(handover);
                    conversation.AttachHandover(handover.Id);
                }
                if (conversation.LifeAtRisk && conversation.RecordHoldingReply(now))
                {
                    // Web chat delivers through the visitor's live stream; other platforms' senders deliver pending messages.
                    var delivery = inbound.Platform == Platform.WebChat ? DeliveryState.Sent : DeliveryState.Pending;
                    holdingReply = Message.Outbound(Guid.CreateVersion7(), forceId, conversation.Id, inbound.AccountId,
                        HoldingReply.For(conversation.Language), now, "system", SystemName, delivery);
                    db.Messages.Add(holdingReply);
                }
            }

            // Outside the account's monitored hours the person is told at once where to get help; a 24/7 desk never sends it.
            Message? outOfHours = null;
            if (!account.Hours.IsMonitored(now) && conversation.RecordOutOfHoursReply(now))
            {
                outOfHours = Message.Outbound(Guid.CreateVersion7(), forceId, conversation.Id, inbound.AccountId, OutOfHoursReply.For(conversation.Language),
                    now.AddTicks(10), "system", SystemName, inbound.Platform == Platform.WebChat ? DeliveryState.Sent : DeliveryState.Pending);
                db.Messages.Add(outOfHours);
            }

            try
            {
                if (handover is not null || holdingReply is not null)
                {
                    var detail = $"{(handover is not null ? $"handover {handover.Id:D} opened; " : "")}{(holdingReply is not null ? "holding reply sent; " : "")}grade {(int)assessment.Grade}, {assessment.CategoryCode}";
                    await audit.SaveWithAuditAsync(db, new AuditEntry(
                        handover is not null ? AuditActions.HandoverOpened : AuditActions.HoldingReplySent,
                        null, SystemName, "conversation", conversation.Id.ToString("D"), detail), cancellationToken);
                }
                else
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another request stored the same message, person or conversation first; look again.
                logger.LogInformation("Inbound message met a concurrent write ({Error}, attempt {Attempt}); retrying", ex.GetType().Name, attempt);
                continue;
            }

            await deskEvents.PublishAsync(new DeskEvent(forceId, conversation.Id, DeskEventKind.MessageReceived, message.Id), cancellationToken);
            if (newlyAtRisk)
                await deskEvents.PublishAsync(new DeskEvent(forceId, conversation.Id, DeskEventKind.LifeAtRisk), cancellationToken);
            if (handover is not null)
                await deskEvents.PublishAsync(new DeskEvent(forceId, conversation.Id, DeskEventKind.HandoverOpened), cancellationToken);
            if (holdingReply is not null)
                await deskEvents.PublishAsync(new DeskEvent(forceId, conversation.Id, DeskEventKind.ReplySent, holdingReply.Id), cancellationToken);
            if (outOfHours is not null)
                await deskEvents.PublishAsync(new DeskEvent(forceId, conversation.Id, DeskEventKind.ReplySent, outOfHours.Id), cancellationToken);
            return new IntakeResult(conversation.Id, message.Id, identity.PersonId, Duplicate: false);
        }
    }
}
