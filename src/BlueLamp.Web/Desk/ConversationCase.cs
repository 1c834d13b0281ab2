using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Desk;

/// <summary>
/// The operator's work on one conversation: reading it, answering, notes, references, THRIVE, closing.
/// Every read and every change is written to the audit trail in the same transaction as the change.
/// </summary>
public sealed class ConversationCase(
    BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, SlaPolicy slaPolicy, Triage.CommandAndControlSender commandAndControl, TimeProvider time,
    Channels.OutboundReplies? platformReplies = null)
{
    /// <summary>The longest reply the desk sends; each platform's own limit applies on top.</summary>
    public const int MaxReplyLength = 2000;

    /// <summary>
    /// Shows a conversation to an operator and records in the audit trail that they read it. Reading it is the first look
    /// at any private message waiting for one (<see cref="FirstLookPolicy"/>); the view returned shows the deadline after it.
    /// </summary>
    public async Task<ConversationView?> OpenAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return null;
        var looked = conversation.RecordFirstLook(time.GetUtcNow());
        var opened = new AuditEntry(AuditActions.ConversationOpened, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"));
        try
        {
            await audit.SaveWithAuditAsync(db, opened, cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (looked)
        {
            // A message came in (or something else changed) between reading the conversation and saving the look: the
            // reading is still audited, and the first look stays waiting, so nothing unseen is taken as seen.
            db.ChangeTracker.Clear();
            await audit.SaveWithAuditAsync(db, opened, cancellationToken);
            looked = false;
        }
        // Read after the look is saved, so everything shown arrived before it or waits for its own first look.
        var view = await LoadAsync(db, conversationId, cancellationToken);
        if (looked)
            await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.FirstLookTaken), cancellationToken);
        return view;
    }

    /// <summary>Reads a conversation again after a live update, without a new audit entry: the operator already has it open.</summary>
    public async Task<ConversationView?> RefreshAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        return await LoadAsync(db, conversationId, cancellationToken);
    }

    /// <summary>
    /// Answers the person. The operator must hold the conversation; an unassigned one is taken by replying.
    /// The reply and its audit entry are stored together, then every desk is told.
    /// </summary>
    public Task<DeskResult> ReplyAsync(DeskUser user, Guid conversationId, string? text, CancellationToken cancellationToken = default) =>
        AnswerAsync(user, conversationId, text, privately: false, cancellationToken);

    /// <summary>
    /// Answers the author of a public comment or mention privately (Meta's private reply, an X direct message, a Bluesky
    /// chat message) and posts the force's safe public line under their comment, so the thread shows the force answered
    /// without showing what was said. Refused, with the platform's reason, where it cannot send a private reply.
    /// </summary>
    public Task<DeskResult> ReplyPrivatelyAsync(DeskUser user, Guid conversationId, string? text, CancellationToken cancellationToken = default) =>
        AnswerAsync(user, conversationId, text, privately: true, cancellationToken);

    /// <summary>Whether a private reply is possible now (null) or why not, and the safe public line that would go with it.</summary>
    public async Task<(string? Refusal, string SafeLine)?> CheckPrivateReplyAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return null;
        var safeLine = await SafeLineAsync(db, conversation, cancellationToken);
        if (platformReplies is null)
            return ("Private replies go through a platform; this desk has none.", safeLine);
        var check = await platformReplies.PrepareAsync(db, conversation, "check", time.GetUtcNow(), privately: true, cancellationToken);
        return (check.Refusal, safeLine);
    }

    private static async Task<string> SafeLineAsync(BlueLampDb db, Conversation conversation, CancellationToken cancellationToken)
    {
        var force = await db.Forces.AsNoTracking().Where(f => f.Id == conversation.ForceId)
            .Select(f => new { f.SafePublicLineEnglish, f.SafePublicLineWelsh }).SingleAsync(cancellationToken);
        return SafePublicLine.For(conversation.Language, force.SafePublicLineEnglish, force.SafePublicLineWelsh);
    }

    private async Task<DeskResult> AnswerAsync(DeskUser user, Guid conversationId, string? text, bool privately, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
            return DeskResult.Refused("Write a reply before sending.", "text");
        if (body.Length > MaxReplyLength)
            return DeskResult.Refused($"A reply can be at most {MaxReplyLength} characters; this one has {body.Length}.", "text");

        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return DeskResult.Missing();
        if (conversation.Status != ConversationStatus.Open)
            return DeskResult.Refused("This conversation is closed; it reopens when the person writes again.");
        if (conversation.AssignedToUserId is { } holder && holder != user.UserId)
            return DeskResult.Refused($"{conversation.AssignedToName} has this conversation. Ask a supervisor to reassign it if you need to answer.");

        var now = time.GetUtcNow();
        if (privately && platformReplies is null)
            return DeskResult.Refused("Private replies go through a platform; this desk has none.", "text");
        // A platform's own rules (length as it counts, Meta's window, private replies) refuse before anything is stored; its replies go out through the outbox.
        var outbound = platformReplies is null ? null : await platformReplies.PrepareAsync(db, conversation, body, now, privately, cancellationToken);
        if (outbound?.Refusal is { } refusal)
            return DeskResult.Refused(refusal, "text");
        // Web chat delivers by the visitor's live stream, so a stored reply is a sent reply.
        var reply = conversation.Reply(Guid.CreateVersion7(), body, now, user.UserId, user.DisplayName, outbound?.State ?? DeliveryState.Sent, privately);
        var replies = new List<Message> { reply };
        if (privately)
        {
            // The safe public line goes under the comment, tracked and retried like any reply.
            var safeLine = await SafeLineAsync(db, conversation, cancellationToken);
            if ((await platformReplies!.PrepareAsync(db, conversation, safeLine, now, cancellationToken: cancellationToken)).Refusal is { } lineRefusal)
                return DeskResult.Refused($"The safe public line cannot be posted: {lineRefusal}", "text");
            replies.Add(conversation.Reply(Guid.CreateVersion7(), safeLine, now.AddTicks(10), user.UserId, user.DisplayName, DeliveryState.Pending));
        }
        if (conversation.AssignedToUserId is null)
            conversation.AssignTo(user.UserId, user.DisplayName, now);
        foreach (var message in replies)
        {
            db.Messages.Add(message);
            if (outbound?.Queue == true)
                platformReplies!.Enqueue(db, message);
        }
        try
        {
            await audit.SaveWithAuditAsync(db, privately
                    ? new AuditEntry(AuditActions.ConversationRepliedPrivately, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"),
                        $"private message {reply.Id:D}; safe public line {replies[1].Id:D}")
                    : new AuditEntry(AuditActions.ConversationReplied, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), $"message {reply.Id:D}"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Refused("The conversation changed while you were writing (a new message arrived, or someone took it). Read it, then send again.");
        }
        foreach (var message in replies)
            await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.ReplySent, message.Id), cancellationToken);
        if (outbound?.Queue == true)
            platformReplies!.Nudge();
        return DeskResult.Done(reply.Id);
    }

    /// <summary>
    /// Answers every open conversation of a surge with the same text, each through its own platform, and links them
    /// all to one incident. Conversations another operator holds are left to them. Returns how many were answered.
    /// </summary>
    public async Task<(int Answered, int Skipped, string? Error)> ReplyToSurgeAsync(DeskUser user, Guid clusterId, string? text, string? incidentNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(text))
            return (0, 0, "Write the reply before sending it to everyone.");
        if (!string.IsNullOrWhiteSpace(incidentNumber) && ReferencePolicy.Default.Check(ReferenceKind.Incident, incidentNumber) is { } problem)
            return (0, 0, problem);
        List<Guid> members;
        await using (var db = dbs.ForForce(user.ForceId))
        {
            members = await db.Conversations.AsNoTracking()
                .Where(c => c.ClusterId == clusterId && c.Status == ConversationStatus.Open && !c.LifeAtRisk)
                .Select(c => c.Id).ToListAsync(cancellationToken);
        }
        int answered = 0, skipped = 0;
        foreach (var conversationId in members)
        {
            var result = await ReplyAsync(user, conversationId, text, cancellationToken);
            if (!result.Succeeded)
            {
                skipped++;
                continue;
            }
            answered++;
            if (!string.IsNullOrWhiteSpace(incidentNumber))
                await LinkReferenceAsync(user, conversationId, ReferenceKind.Incident, incidentNumber, cancellationToken);
        }
        return (answered, skipped, null);
    }

    /// <summary>People of the force whose name or platform identity contains the text, for linking identities.</summary>
    public async Task<IReadOnlyList<(Guid PersonId, string Name, string Identities)>> FindPeopleAsync(DeskUser user, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
            return [];
        var term = text.Trim();
        await using var db = dbs.ForForce(user.ForceId);
        var people = await db.People.AsNoTracking()
            .Where(p => p.MergedIntoPersonId == null && (p.DisplayName.Contains(term) || db.PersonIdentities.Any(i => i.PersonId == p.Id && i.PlatformUserId.Contains(term))))
            .OrderBy(p => p.DisplayName).Take(20)
            .Select(p => new { p.Id, p.DisplayName })
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var identities = await db.PersonIdentities.AsNoTracking().Where(i => ids.Contains(i.PersonId)).ToListAsync(cancellationToken);
        return people.Select(p => (p.Id, p.DisplayName, string.Join(", ", identities.Where(i => i.PersonId == p.Id).Select(i => i.Platform.ToString())))).ToList();
    }

    /// <summary>
    /// Records that another person record is the same member of the public as this conversation's person: their
    /// identities and conversations move here, so the whole history shows in one place. Audited with the reason.
    /// </summary>
    public async Task<DeskResult> LinkPersonAsync(DeskUser user, Guid conversationId, Guid otherPersonId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(reason))
            return DeskResult.Refused("Say why these are the same person (it is audited).", "reason");
        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return DeskResult.Missing();
        if (conversation.PersonId == otherPersonId)
            return DeskResult.Refused("That is already this person.", "person");
        var other = await db.People.SingleOrDefaultAsync(p => p.Id == otherPersonId && p.MergedIntoPersonId == null, cancellationToken);
        if (other is null)
            return DeskResult.Refused("Choose a person of this force.", "person");
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var identities = await db.PersonIdentities.Where(i => i.PersonId == otherPersonId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.PersonId, conversation.PersonId), cancellationToken);
        var conversations = await db.Conversations.Where(c => c.PersonId == otherPersonId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.PersonId, conversation.PersonId).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        other.MergeInto(conversation.PersonId);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PersonLinked, user.UserId, user.DisplayName, "person", conversation.PersonId.ToString("D"),
            $"person {otherPersonId:D} linked ({identities} identities, {conversations} conversations): {reason.Trim()}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.NoteAdded), cancellationToken);
        return DeskResult.Done();
    }

    /// <summary>Adds an internal note: for colleagues, never sent to the person.</summary>
    public async Task<DeskResult> AddNoteAsync(DeskUser user, Guid conversationId, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
            return DeskResult.Refused("Write the note first.", "note");
        if (body.Length > ConversationNote.MaxLength)
            return DeskResult.Refused($"A note can be at most {ConversationNote.MaxLength} characters.", "note");
        await using var db = dbs.ForForce(user.ForceId);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken))
            return DeskResult.Missing();
        var note = new ConversationNote(Guid.CreateVersion7(), user.ForceId, conversationId, body, user.UserId, user.DisplayName, time.GetUtcNow());
        db.ConversationNotes.Add(note);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationNoteAdded, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), $"note {note.Id:D}"), cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.NoteAdded), cancellationToken);
        return DeskResult.Done(note.Id);
    }

    /// <summary>Links a crime, incident or intelligence number, checked against the force's format.</summary>
    public async Task<DeskResult> LinkReferenceAsync(DeskUser user, Guid conversationId, ReferenceKind kind, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ReferencePolicy.Default.Check(kind, value) is { } problem)
            return DeskResult.Refused(problem, "reference");
        await using var db = dbs.ForForce(user.ForceId);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken))
            return DeskResult.Missing();
        var reference = new CaseReference(Guid.CreateVersion7(), user.ForceId, conversationId, kind, value!, user.UserId, user.DisplayName, time.GetUtcNow());
        if (await db.CaseReferences.AnyAsync(r => r.ConversationId == conversationId && r.Kind == kind && r.Value == reference.Value, cancellationToken))
            return DeskResult.Refused($"{reference.Value} is already linked.", "reference");
        db.CaseReferences.Add(reference);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationReferenceLinked, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), $"{kind}: {reference.Value}"), cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.NoteAdded), cancellationToken);
        return DeskResult.Done(reference.Id);
    }

    /// <summary>
    /// Records the operator's THRIVE assessment and grade; a change of grade needs its reason in the rationale. With
    /// <paramref name="lifeAtRisk"/> false on a life-at-risk conversation the operator also judges that no life is at risk:
    /// the alarm is overturned with the rationale as the reason, and recorded against what raised it. Null leaves it as it is;
    /// true is refused where life is not at risk (raising it is "Mark life at risk", which alerts every desk).
    /// </summary>
    public async Task<DeskResult> AssessAsync(DeskUser user, Guid conversationId, ThriveFields fields, Grade? grade, bool? lifeAtRisk = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return DeskResult.Missing();
        var (assessment, errors) = ThriveAssessment.Record(Guid.CreateVersion7(), user.ForceId, conversationId, fields, grade, conversation.Grade,
            user.UserId, user.DisplayName, time.GetUtcNow());
        if (assessment is null)
            return DeskResult.Invalid(errors);
        if (lifeAtRisk == true && !conversation.LifeAtRisk)
            return DeskResult.Refused("To raise a life at risk, use \"Mark life at risk\": it alerts every desk and opens a handover.", "lifeAtRisk");
        var neededControlRoom = conversation.NeedsControlRoom;
        conversation.Assess(assessment, slaPolicy, ReassessmentPolicy.Default);
        db.ThriveAssessments.Add(assessment);
        var overturned = lifeAtRisk == false && conversation.ClearLifeAtRisk()
            ? await AlarmOverturns.OverturnAsync(db, conversation, user, assessment.Rationale, assessment.AssessedAt, cancellationToken)
            : null;
        // The desk's judgement stands its side of the handover down; the control room's side stays theirs.
        var standDown = overturned is not null || (neededControlRoom && !conversation.NeedsControlRoom)
            ? await HandoverStandDown.StandDownIfNoLongerNeededAsync(db, conversation, user, assessment.Rationale, assessment.AssessedAt, cancellationToken)
            : null;
        var handover = await HandoverOpening.OpenIfNeededAsync(db, conversation, "Grade 1 (operator's assessment)", user.DisplayName, time.GetUtcNow(), HandoverFacts.None, cancellationToken);
        var change = assessment.PreviousGrade is { } before && before != assessment.Grade ? $"grade {(int)before} → {(int)assessment.Grade}" : $"grade {(int)assessment.Grade}";
        try
        {
            List<AuditEntry> entries = [new AuditEntry(AuditActions.ConversationAssessed, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), $"{change}; {assessment.Rationale}")];
            if (overturned is not null)
                entries.Add(new AuditEntry(AuditActions.LifeAtRiskOverturned, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"),
                    $"{overturned}{(standDown is null ? "" : $"; {standDown.Description}")}; {assessment.Rationale}"));
            if (standDown is { StoodDown: true })
                entries.Add(new AuditEntry(AuditActions.HandoverStoodDown, user.UserId, user.DisplayName, "handover", standDown.Handover.Id.ToString("D"),
                    $"{(int)(assessment.AssessedAt - standDown.Handover.OpenedAt).TotalSeconds} s after opening{(standDown.CommandAndControlTold ? "; command and control will be told" : "")}; {assessment.Rationale}"));
            await audit.SaveWithAuditAsync(db, entries, null, cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (standDown is not null)
        {
            // The control room's acknowledgement and the desk's stand-down both change the conversation: the first to save
            // wins. (An acknowledgement saved between reading the conversation and its handover fails this save the same way.)
            await using var fresh = dbs.ForForce(user.ForceId);
            var now = await fresh.Handovers.AsNoTracking().SingleAsync(h => h.Id == standDown.Handover.Id, cancellationToken);
            return DeskResult.Refused(now.IsAcknowledged
                ? $"The control room acknowledged the handover at the same moment ({now.AcknowledgedByName}, incident {now.IncidentNumber}), so it stays with them. Nothing was saved: read the conversation again and save your assessment."
                : "The conversation changed while you were assessing it. Read it again, then save.");
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Refused("The conversation changed while you were assessing it. Read it again, then save.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.Assessed), cancellationToken);
        if (standDown is { StoodDown: true })
        {
            if (standDown.CommandAndControlTold)
                commandAndControl.Nudge();
            await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.HandoverStoodDown), cancellationToken);
        }
        if (handover is not null)
        {
            commandAndControl.Nudge();
            await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.HandoverOpened), cancellationToken);
        }
        return DeskResult.Done(assessment.Id);
    }

    /// <summary>
    /// An operator judges that a life is at risk: every desk is alarmed, the control room gets a handover, and the
    /// person gets the holding reply (once).
    /// </summary>
    public Task<DeskResult> MarkLifeAtRiskAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default) =>
        RaiseLifeAtRiskAsync(user, conversationId, AlarmSource.Operator, null, cancellationToken);

    /// <summary>
    /// A platform's emergency referral, taken in as <paramref name="messageId"/>, puts a life at risk whatever its words: as
    /// <see cref="MarkLifeAtRiskAsync"/>, and when triage of that message already raised the alarm it counts as the referral's.
    /// </summary>
    public Task<DeskResult> RaiseForReferralAsync(DeskUser user, Guid conversationId, Guid messageId, CancellationToken cancellationToken = default) =>
        RaiseLifeAtRiskAsync(user, conversationId, AlarmSource.Referral, messageId, cancellationToken);

    private async Task<DeskResult> RaiseLifeAtRiskAsync(DeskUser user, Guid conversationId, AlarmSource source, Guid? messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return DeskResult.Missing();
        var now = time.GetUtcNow();
        if (!conversation.MarkLifeAtRisk())
        {
            if (source == AlarmSource.Referral && messageId is not null
                && await db.RaisedAlarms.Where(a => a.ConversationId == conversationId && a.OverturnedAt == null).OrderByDescending(a => a.RaisedAt)
                    .FirstOrDefaultAsync(cancellationToken) is { } raised && raised.MessageId == messageId)
            {
                raised.AttributeToReferral();
                await db.SaveChangesAsync(cancellationToken);
            }
            return DeskResult.Refused("This conversation is already marked life at risk.");
        }
        db.RaisedAlarms.Add(new RaisedAlarm(Guid.CreateVersion7(), user.ForceId, conversationId, messageId, source, null, now));
        var handover = await HandoverOpening.OpenIfNeededAsync(db, conversation, "Life at risk (operator's judgement)", user.DisplayName, now, HandoverFacts.None, cancellationToken);
        Message? holding = null;
        if (conversation.RecordHoldingReply(now))
        {
            var platform = await db.Accounts.Where(a => a.Id == conversation.AccountId).Select(a => a.Platform).SingleAsync(cancellationToken);
            holding = Message.Outbound(Guid.CreateVersion7(), user.ForceId, conversationId, conversation.AccountId,
                await Triage.ForceLifeAtRiskSettings.HoldingReplyAsync(db, user.ForceId, conversation.Language, cancellationToken),
                now, "system", Contact.ContactIntake.SystemName, platform == Core.Accounts.Platform.WebChat ? DeliveryState.Sent : DeliveryState.Pending);
            db.Messages.Add(holding);
            if (holding.DeliveryState == DeliveryState.Pending)
                db.OutboundDeliveries.Add(OutboundDelivery.For(holding)); // sent, retried and shown like any reply
        }
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationMarkedLifeAtRisk, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"),
                $"{(handover is not null ? "handover opened; " : "")}{(holding is not null ? "holding reply sent" : "")}"), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Refused("The conversation changed at the same moment; try again.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.LifeAtRisk), cancellationToken);
        if (handover is not null)
        {
            commandAndControl.Nudge();
            await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.HandoverOpened), cancellationToken);
        }
        if (holding is not null)
        {
            platformReplies?.Nudge();
            await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.ReplySent, holding.Id), cancellationToken);
        }
        return DeskResult.Done(handover?.Id);
    }

    /// <summary>Closes the conversation with an outcome; refused until it has a THRIVE assessment and a grade.</summary>
    public async Task<DeskResult> CloseAsync(DeskUser user, Guid conversationId, string? outcomeCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Outcome.Find(outcomeCode) is not { } outcome)
            return DeskResult.Refused("Choose the outcome of this contact.", "outcome");
        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return DeskResult.Missing();
        if (conversation.AssignedToUserId is { } holder && holder != user.UserId)
            return DeskResult.Refused($"{conversation.AssignedToName} has this conversation; only they or a supervisor can close it.");
        if (conversation.Close(outcome, user.DisplayName, time.GetUtcNow()) is { } refusal)
            return DeskResult.Refused(refusal, "outcome");
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationClosed, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), outcome.Code), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Refused("The conversation changed while you were closing it (a new message may have arrived). Read it again.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.Closed), cancellationToken);
        return DeskResult.Done();
    }

    private static async Task<ConversationView?> LoadAsync(BlueLampDb db, Guid conversationId, CancellationToken cancellationToken)
    {
        var header = await (
                from c in db.Conversations.AsNoTracking()
                join a in db.Accounts on c.AccountId equals a.Id
                join p in db.People on c.PersonId equals p.Id
                where c.Id == conversationId
                select new
                {
                    c.Id, a.Platform, Account = a.DisplayName, Person = p.DisplayName, c.PersonId, c.Kind, c.Status, c.Grade, c.OpenedAt, c.AssignedToUserId, c.AssignedToName, c.OutcomeCode,
                    c.LifeAtRisk, c.EngineGrade, c.GradeSource, c.CategoryCode, c.Language, c.SlaDueAt, c.SlaBreachedAt, c.HoldingReplySentAt, c.HandoverId,
                    c.ForceId, c.FirstLookWaitingSince, c.FirstLookedAt,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
            return null;
        var assessments = await db.RiskAssessments.AsNoTracking().Where(r => r.ConversationId == conversationId)
            .OrderBy(r => r.AssessedAt).ToListAsync(cancellationToken);
        var byMessage = assessments.ToDictionary(r => r.MessageId);
        var messages = (await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.RecordedAt)
            .ToListAsync(cancellationToken))
            .Select(m => new MessageView(m.Id, m.Direction, m.Text, m.SentAt, m.AuthorName, m.DeliveryState,
                byMessage.TryGetValue(m.Id, out var r) ? r.Indicators() : null, m.DeliveryError, m.EditedAt, m.RemovedAt,
                m.SentPrivately, m.HiddenAt, m.HiddenReason, m.HiddenByName))
            .ToList();
        var latest = assessments.LastOrDefault();
        // Read by conversation, not by the conversation's live handover: a stood-down one is shown too.
        var handover = await db.Handovers.AsNoTracking().Where(h => h.ConversationId == conversationId)
            .Select(h => new { h.Status, h.IncidentNumber, h.StoodDownAt, h.StoodDownByName, h.StandDownReason }).SingleOrDefaultAsync(cancellationToken);
        var triage = new TriageView(header.LifeAtRisk, header.EngineGrade, header.GradeSource, header.CategoryCode, header.Language, header.SlaDueAt,
            header.SlaBreachedAt, header.HoldingReplySentAt,
            latest is null ? null : new AutomaticAssessmentView(latest.Grade, latest.LifeAtRisk, latest.CategoryCode, latest.Score, latest.PersonAtRisk,
                latest.Indicators(), latest.EngineVersion, latest.IndicatorSetVersion, latest.AssessedAt, latest.LifeAtRiskModelVersion),
            handover?.Status, handover?.IncidentNumber,
            handover?.StoodDownAt is { } stoodDownAt ? new HandoverStoodDownView(stoodDownAt, handover.StoodDownByName ?? "", handover.StandDownReason ?? "") : null,
            (await ForceLifeAtRiskSettings.FirstLookAsync(db, header.ForceId, cancellationToken)).DueAt(header.FirstLookWaitingSince), header.FirstLookedAt);
        var notes = await db.ConversationNotes.AsNoTracking().Where(n => n.ConversationId == conversationId)
            .OrderBy(n => n.WrittenAt).Select(n => new NoteView(n.Text, n.AuthorName, n.WrittenAt)).ToListAsync(cancellationToken);
        var references = await db.CaseReferences.AsNoTracking().Where(r => r.ConversationId == conversationId)
            .OrderBy(r => r.AddedAt).Select(r => new ReferenceView(r.Kind, r.Value, r.AddedByName, r.AddedAt)).ToListAsync(cancellationToken);
        var thrives = await db.ThriveAssessments.AsNoTracking().Where(t => t.ConversationId == conversationId)
            .OrderByDescending(t => t.AssessedAt)
            .Select(t => new AssessmentView(t.Grade, t.PreviousGrade, t.Threat, t.Harm, t.Risk, t.Investigation, t.Vulnerability, t.Engagement, t.Rationale, t.AssessedByName, t.AssessedAt))
            .ToListAsync(cancellationToken);
        var earlier = await (
                from c in db.Conversations.AsNoTracking()
                join a in db.Accounts on c.AccountId equals a.Id
                where c.PersonId == header.PersonId && c.Id != conversationId
                select new EarlierContact(c.Id, a.DisplayName, a.Platform, c.LastMessageAt, c.Status, c.OutcomeCode, c.Preview))
            .ToListAsync(cancellationToken);
        return new ConversationView(header.Id, header.Platform, header.Account, header.Person, header.Kind, header.Status,
            header.Grade, header.OpenedAt, messages, header.AssignedToUserId, header.AssignedToName, header.OutcomeCode,
            notes, references, thrives, earlier.OrderByDescending(e => e.LastMessageAt).ToList(), triage);
    }
}
