using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Desk;

/// <summary>
/// The operator's work on one conversation: reading it, answering, notes, references, THRIVE, closing.
/// Every read and every change is written to the audit trail in the same transaction as the change.
/// </summary>
public sealed class ConversationCase(BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, TimeProvider time, Channels.OutboundReplies? platformReplies = null)
{
    /// <summary>The longest reply the desk sends; each platform's own limit applies on top.</summary>
    public const int MaxReplyLength = 2000;

    /// <summary>Shows a conversation to an operator and records in the audit trail that they read it.</summary>
    public async Task<ConversationView?> OpenAsync(DeskUser user, Guid conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var view = await LoadAsync(db, conversationId, cancellationToken);
        if (view is null)
            return null;
        await audit.SaveWithAuditAsync(db,
            new AuditEntry(AuditActions.ConversationOpened, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D")),
            cancellationToken);
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
    public async Task<DeskResult> ReplyAsync(DeskUser user, Guid conversationId, string? text, CancellationToken cancellationToken = default)
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
        // A platform's own rules (length as it counts, Meta's window) refuse before anything is stored; its replies go out through the outbox.
        var outbound = platformReplies is null ? null : await platformReplies.PrepareAsync(db, conversation, body, now, cancellationToken);
        if (outbound?.Refusal is { } refusal)
            return DeskResult.Refused(refusal, "text");
        // Web chat delivers by the visitor's live stream, so a stored reply is a sent reply.
        var reply = conversation.Reply(Guid.CreateVersion7(), body, now, user.UserId, user.DisplayName, outbound?.State ?? DeliveryState.Sent);
        if (conversation.AssignedToUserId is null)
            conversation.AssignTo(user.UserId, user.DisplayName, now);
        db.Messages.Add(reply);
        if (outbound?.Queue == true)
            platformReplies!.Enqueue(db, reply);
        try
        {
            await audit.SaveWithAuditAsync(db,
                new AuditEntry(AuditActions.ConversationReplied, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), $"message {reply.Id:D}"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Refused("The conversation changed while you were writing (a new message arrived, or someone took it). Read it, then send again.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.ReplySent, reply.Id), cancellationToken);
        if (outbound?.Queue == true)
            platformReplies!.Nudge();
        return DeskResult.Done(reply.Id);
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

    /// <summary>Records the operator's THRIVE assessment and grade; a change of grade needs its reason in the rationale.</summary>
    public async Task<DeskResult> AssessAsync(DeskUser user, Guid conversationId, ThriveFields fields, Grade? grade, CancellationToken cancellationToken = default)
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
        conversation.Assess(assessment);
        db.ThriveAssessments.Add(assessment);
        var change = assessment.PreviousGrade is { } before && before != assessment.Grade ? $"grade {(int)before} → {(int)assessment.Grade}" : $"grade {(int)assessment.Grade}";
        try
        {
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationAssessed, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), $"{change}; {assessment.Rationale}"), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Refused("The conversation changed while you were assessing it. Read it again, then save.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.Assessed), cancellationToken);
        return DeskResult.Done(assessment.Id);
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
                select new { c.Id, a.Platform, Account = a.DisplayName, Person = p.DisplayName, c.PersonId, c.Kind, c.Status, c.Grade, c.OpenedAt, c.AssignedToUserId, c.AssignedToName, c.OutcomeCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
            return null;
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.RecordedAt)
            .Select(m => new MessageView(m.Id, m.Direction, m.Text, m.SentAt, m.AuthorName, m.DeliveryState, m.DeliveryError, m.EditedAt, m.RemovedAt))
            .ToListAsync(cancellationToken);
        var notes = await db.ConversationNotes.AsNoTracking().Where(n => n.ConversationId == conversationId)
            .OrderBy(n => n.WrittenAt).Select(n => new NoteView(n.Text, n.AuthorName, n.WrittenAt)).ToListAsync(cancellationToken);
        var references = await db.CaseReferences.AsNoTracking().Where(r => r.ConversationId == conversationId)
            .OrderBy(r => r.AddedAt).Select(r => new ReferenceView(r.Kind, r.Value, r.AddedByName, r.AddedAt)).ToListAsync(cancellationToken);
        var assessments = await db.ThriveAssessments.AsNoTracking().Where(t => t.ConversationId == conversationId)
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
            notes, references, assessments, earlier.OrderByDescending(e => e.LastMessageAt).ToList());
    }
}
