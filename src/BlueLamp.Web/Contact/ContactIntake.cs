using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Data.Intake;
using BlueLamp.Core.Publishing;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Publishing;
using BlueLamp.Web.Triage;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Contact;

/// <summary>
/// Takes in every message from the public, from any channel: finds or creates the person and the
/// conversation, stores the message once (the database's unique index on the platform's message id
/// decides, not a check-then-insert race), assesses it, and tells every desk. A life-at-risk assessment
/// opens the control-room handover and sends the holding reply in the same transaction as the message.
/// Messages come one at a time (web chat) or in batches (platform events under load), which share one
/// transaction and a handful of queries.
/// </summary>
public sealed class ContactIntake(
    BlueLampDbFactory dbs, AuditTrail audit, WriteTurn writeTurn, IDeskEvents deskEvents, ForceIndicatorSets indicatorSets, SlaPolicy slaPolicy,
    CommandAndControlSender commandAndControl, OutboundSignal outbox, TimeProvider time, ILogger<ContactIntake> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>The name the system signs its own actions with, in messages and the audit trail.</summary>
    public const string SystemName = "BlueLamp (automatic)";

    public async Task<IntakeResult> ReceiveAsync(Guid forceId, InboundMessage inbound, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return (await ReceiveAsync(forceId, [inbound], alongside: null, assessed: null, cancellationToken))[0];
    }

    /// <summary>
    /// Assesses a message with its force's engine before it is taken in, without the post it may be under (found at
    /// intake): enough to route it (see <see cref="IsUrgent"/>), and handed to <see cref="ReceiveAsync(Guid, IReadOnlyList{InboundMessage}, Func{BlueLampDb, CancellationToken, Task}?, IReadOnlyList{RiskAssessmentResult?}?, CancellationToken)"/>,
    /// which keeps it unless the post changes the reading, so a message is assessed once.
    /// </summary>
    public async Task<RiskAssessmentResult> AssessAsync(Guid forceId, InboundMessage inbound, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var engine = await indicatorSets.EngineForAsync(forceId, cancellationToken);
        return engine.Assess(inbound.Text, new TriageContext(inbound.Kind));
    }

    /// <summary>
    /// Whether the message on its own calls for the control room (life at risk, grade 1), so a caller holding a batch
    /// takes it in first and alone: its alarm, handover and holding reply must not wait behind a batch of chatter.
    /// </summary>
    public static bool IsUrgent(RiskAssessmentResult assessed)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        return assessed.LifeAtRisk || assessed.Grade == Grade.Emergency;
    }

    /// <summary>
    /// Takes in messages of one force in one transaction, in platform-time order; returns one result per message, in
    /// the order given (a message already stored, also earlier in the same batch, is a duplicate). What
    /// <paramref name="alongside"/> writes (e.g. marking the platform events processed) commits or fails with the
    /// messages; it runs again on each attempt's fresh context. A write that meets a concurrent one (the same message,
    /// person or conversation stored by another worker or node) retries the whole batch, which then finds it stored.
    /// <paramref name="assessed"/>, when given, holds each message's <see cref="AssessAsync"/>, in the batch's order.
    /// </summary>
    public async Task<IReadOnlyList<IntakeResult>> ReceiveAsync(
        Guid forceId, IReadOnlyList<InboundMessage> batch, Func<BlueLampDb, CancellationToken, Task>? alongside,
        IReadOnlyList<RiskAssessmentResult?>? assessed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (assessed is not null && assessed.Count != batch.Count)
            throw new ArgumentException("One assessment per message, or none.", nameof(assessed));
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbs.ForForce(forceId);
            var lookups = await IntakeLookups.ReadAsync(db, batch, cancellationToken);
            var surges = new SurgeGrouping(db, time.GetUtcNow());
            // The force's own indicator set (cached), from the next message after an administrator saves one.
            var engine = await indicatorSets.EngineForAsync(forceId, cancellationToken);
            var results = new IntakeResult[batch.Count];
            var work = new IntakeWork();
            // Platform time, not arrival order: a conversation's preview and clock follow what was said last.
            foreach (var index in Enumerable.Range(0, batch.Count).OrderBy(i => batch[i].SentAt))
                results[index] = await TakeInAsync(db, forceId, batch[index], assessed?[index], lookups, surges, engine, work, cancellationToken);

            try
            {
                await SaveAsync(db, work.AuditEntries, alongside, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another worker or node stored the same message, person or conversation first; look again.
                logger.LogInformation("{Count} inbound messages met a concurrent write ({Error}, attempt {Attempt}); retrying", batch.Count, ex.GetType().Name, attempt);
                continue;
            }

            if (work.DeskEvents.Any(e => e.Kind == DeskEventKind.HandoverOpened))
                commandAndControl.Nudge();
            if (work.Queued)
                outbox.Nudge();
            foreach (var deskEvent in work.DeskEvents)
                await deskEvents.PublishAsync(deskEvent, cancellationToken);
            return results;
        }
    }

    /// <summary>
    /// The new rows a batch adds, in the order they refer to each other, and the conversations it changes, written by
    /// multi-row statements; what refers to a message (a handover, an outbox entry) and any other change are left to
    /// <c>SaveChanges</c>, which runs after them.
    /// </summary>
    private static readonly Type[] InsertedInBulk = [typeof(Cluster), typeof(Person), typeof(PersonIdentity), typeof(Conversation), typeof(Message), typeof(RiskAssessment)];

    private static readonly Type[] UpdatedInBulk = [typeof(Conversation)];

    /// <summary>Writes the batch, what <paramref name="alongside"/> writes and any audit entries in one transaction.</summary>
    private async Task SaveAsync(BlueLampDb db, IReadOnlyList<AuditEntry> auditEntries, Func<BlueLampDb, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        // The whole batch is retried on a conflict, so a savepoint per save would only cost a round trip.
        db.Database.AutoSavepointsEnabled = false;
        async Task BeforeSaveChangesAsync(BlueLampDb context, CancellationToken ct)
        {
            if (alongside is not null)
                await alongside(context, ct);
            await BulkRows.InsertAddedAsync(context, InsertedInBulk, ct);
            // PostgreSQL only: on SQLite the one UPDATE … FROM (VALUES …) was slower than EF Core's statement per row
            // (bench/webhooks.sh sqlite 2000: 1,176 events/s offered with it, 1,833/s without).
            if (context is not SqliteBlueLampDb)
                await BulkRows.UpdateModifiedAsync(context, UpdatedInBulk, ct);
        }

        if (auditEntries.Count > 0)
        {
            // The audit trail opens the transaction itself, after taking the force's turn for its chain.
            await audit.SaveWithAuditAsync(db, auditEntries, BeforeSaveChangesAsync, cancellationToken);
            return;
        }
        using var turn = await writeTurn.EnterAsync(cancellationToken: cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BeforeSaveChangesAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds one message (and whatever it sets off) to the batch's context; nothing is saved yet.</summary>
    private async Task<IntakeResult> TakeInAsync(
        BlueLampDb db, Guid forceId, InboundMessage inbound, RiskAssessmentResult? assessed, IntakeLookups lookups, SurgeGrouping surges, TriageEngine engine,
        IntakeWork work, CancellationToken cancellationToken)
    {
        if (lookups.StoredMessage(inbound) is { } stored)
            return stored;

        var now = time.GetUtcNow();
        var account = lookups.Account(inbound.AccountId);
        var identity = lookups.Identity(inbound);
        Person? person = null;
        if (identity is null)
        {
            person = new Person(Guid.CreateVersion7(), forceId, inbound.DisplayName ?? "", now);
            identity = new PersonIdentity(Guid.CreateVersion7(), forceId, person.Id, inbound.Platform, inbound.PlatformUserId);
            db.People.Add(person);
            db.PersonIdentities.Add(identity);
            lookups.IdentityCreated(identity);
        }

        var conversation = lookups.Conversation(inbound);
        if (conversation is null)
        {
            conversation = new Conversation(Guid.CreateVersion7(), forceId, inbound.AccountId, identity.PersonId, inbound.Kind, inbound.ThreadKey, now);
            db.Conversations.Add(conversation);
            lookups.ConversationCreated(conversation);
        }

        var message = Message.Inbound(Guid.CreateVersion7(), forceId, conversation.Id, inbound.AccountId,
            inbound.PlatformMessageId, inbound.Text, inbound.SentAt, now, inbound.ParentPostId);
        conversation.Receive(message);
        db.Messages.Add(message);
        var result = new IntakeResult(conversation.Id, message.Id, identity.PersonId, Duplicate: false);
        lookups.MessageTakenIn(inbound, result);
        work.DeskEvents.Add(new DeskEvent(forceId, conversation.Id, DeskEventKind.MessageReceived, message.Id));

        // A comment under one of our posts (or a DM sharing one) is tied to it: one indexed lookup, and its purpose
        // is triage's context (a sighting under a missing-person appeal is urgent).
        var respondsTo = await PostResponses.FindAsync(db, inbound, cancellationToken);
        if (respondsTo is not null)
            conversation.RespondTo(respondsTo.PostId, respondsTo.Source, SystemName, now);

        // Triage: pure, in-process, microseconds; stored with the message so no message is ever unassessed.
        // Assessed once: the assessment made before intake to route the message stands unless the post changes its reading.
        var context = new TriageContext(inbound.Kind, respondsTo?.Purpose.TriageCode());
        var triage = engine.AssessInContext(inbound.Text, context, assessed);
        var assessment = RiskAssessment.Record(Guid.CreateVersion7(), forceId, conversation.Id, message.Id, triage, now);
        db.RiskAssessments.Add(assessment);
        if (conversation.ApplyAutomaticAssessment(assessment, slaPolicy, now))
        {
            work.DeskEvents.Add(new DeskEvent(forceId, conversation.Id, DeskEventKind.LifeAtRisk));
            db.RaisedAlarms.Add(new RaisedAlarm(Guid.CreateVersion7(), forceId, conversation.Id, message.Id, triage.RaisedBy ?? AlarmSource.Rules, triage.LifeAtRiskModelVersion, now));
        }

        await surges.GroupAsync(conversation, inbound.Text, cancellationToken);

        if (conversation.NeedsControlRoom)
        {
            Handover? handover = null;
            Message? holdingReply = null;
            if (conversation.HandoverId is null)
            {
                // Found among the batch's new people first, read otherwise.
                person ??= await db.People.FindAsync([identity.PersonId], cancellationToken) ?? throw new InvalidOperationException($"Person {identity.PersonId} vanished.");
                handover = await HandoverOpening.OpenIfNeededAsync(db, conversation,
                    conversation.LifeAtRisk ? "Life at risk (automatic assessment)" : "Grade 1 (automatic assessment)", SystemName, now,
                    new HandoverFacts(person, identity, account, message, assessment), cancellationToken);
                work.DeskEvents.Add(new DeskEvent(forceId, conversation.Id, DeskEventKind.HandoverOpened));
            }
            if (conversation.LifeAtRisk && conversation.RecordHoldingReply(now))
            {
                // Web chat delivers through the visitor's live stream; other platforms' senders deliver pending messages.
                holdingReply = AutomaticReply(db, work, inbound, conversation,
                    await ForceLifeAtRiskSettings.HoldingReplyAsync(db, forceId, conversation.Language, cancellationToken), now);
            }
            if (handover is not null || holdingReply is not null)
            {
                var detail = $"{(handover is not null ? $"handover {handover.Id:D} opened; " : "")}{(holdingReply is not null ? "holding reply sent; " : "")}grade {(int)assessment.Grade}, {assessment.CategoryCode}";
                work.AuditEntries.Add(new AuditEntry(handover is not null ? AuditActions.HandoverOpened : AuditActions.HoldingReplySent,
                    null, SystemName, "conversation", conversation.Id.ToString("D"), detail));
            }
        }

        // Outside the account's monitored hours the person is told at once where to get help; a 24/7 desk never sends it.
        if (!account.Hours.IsMonitored(now) && conversation.RecordOutOfHoursReply(now))
        {
            AutomaticReply(db, work, inbound, conversation, OutOfHoursReply.For(conversation.Language), now.AddTicks(10));
        }
        return result;
    }

    /// <summary>
    /// A reply the system sends by itself (the holding reply, the out-of-hours reply), recorded as sent by the system. Web
    /// chat delivers it through the visitor's live stream at once; on a platform it goes into the outbox in the same
    /// transaction, so it is sent, retried and shown like any operator's reply.
    /// </summary>
    private static Message AutomaticReply(BlueLampDb db, IntakeWork work, InboundMessage inbound, Conversation conversation, string text, DateTimeOffset at)
    {
        var webChat = inbound.Platform == Platform.WebChat;
        var reply = Message.Outbound(Guid.CreateVersion7(), conversation.ForceId, conversation.Id, inbound.AccountId, text, at, "system", SystemName,
            webChat ? DeliveryState.Sent : DeliveryState.Pending);
        db.Messages.Add(reply);
        if (!webChat)
        {
            db.OutboundDeliveries.Add(OutboundDelivery.For(reply));
            work.Queued = true;
        }
        work.DeskEvents.Add(new DeskEvent(conversation.ForceId, conversation.Id, DeskEventKind.ReplySent, reply.Id));
        return reply;
    }

    /// <summary>What a batch leaves to do once its transaction is written: audit entries inside it, desk events after it.</summary>
    private sealed class IntakeWork
    {
        public List<AuditEntry> AuditEntries { get; } = [];

        public List<DeskEvent> DeskEvents { get; } = [];

        /// <summary>A reply went into the outbox: wake the sender once the batch is written.</summary>
        public bool Queued { get; set; }
    }
}
