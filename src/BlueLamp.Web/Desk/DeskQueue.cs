using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Desk;

/// <summary>The operator's work: the queue of open conversations, opening one, and answering it. Reads and answers are audited.</summary>
public sealed class DeskQueue(BlueLampDbFactory dbs, AuditTrail audit, IDeskEvents deskEvents, TimeProvider time)
{
    /// <summary>The longest reply the desk sends; each platform's own limit applies on top (channels issue).</summary>
    public const int MaxReplyLength = 2000;

    /// <summary>Open conversations, most urgent grade first, then the newest message from the public first.</summary>
    public async Task<IReadOnlyList<QueueItem>> ListOpenAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var rows = await (
                from c in db.Conversations.AsNoTracking()
                join a in db.Accounts on c.AccountId equals a.Id
                join p in db.People on c.PersonId equals p.Id
                where c.Status == ConversationStatus.Open
                select new QueueItem(c.Id, a.Platform, a.DisplayName, p.DisplayName, c.Preview, c.Grade, c.Status,
                    c.AwaitingReply, c.LastInboundAt, c.LastMessageAt))
            .ToListAsync(cancellationToken);
        // Not yet assessed counts as priority: nothing waits behind routine work only because triage has not run.
        return rows
            .OrderBy(r => (int)(r.Grade ?? Core.Triage.Grade.Priority))
            .ThenByDescending(r => r.AwaitingReply)
            .ThenByDescending(r => r.LastInboundAt ?? r.LastMessageAt)
            .ToList();
    }

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

    /// <summary>Answers the person; the reply and its audit entry are stored together, then every desk is told.</summary>
    public async Task<ReplyResult> ReplyAsync(DeskUser user, Guid conversationId, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
            return ReplyResult.Refused("Write a reply before sending.");
        if (body.Length > MaxReplyLength)
            return ReplyResult.Refused($"A reply can be at most {MaxReplyLength} characters; this one has {body.Length}.");

        await using var db = dbs.ForForce(user.ForceId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
            return ReplyResult.Missing();
        if (conversation.Status != ConversationStatus.Open)
            return ReplyResult.Refused("This conversation is closed; it reopens when the person writes again.");

        // Web chat delivers by the visitor's live stream, so a stored reply is a sent reply.
        var reply = conversation.Reply(Guid.CreateVersion7(), body, time.GetUtcNow(), user.UserId, user.DisplayName, DeliveryState.Sent);
        db.Messages.Add(reply);
        try
        {
            await audit.SaveWithAuditAsync(db,
                new AuditEntry(AuditActions.ConversationReplied, user.UserId, user.DisplayName, "conversation", conversationId.ToString("D"), $"message {reply.Id:D}"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReplyResult.Refused("The conversation changed while you were writing (a new message arrived). Read it, then send again.");
        }
        await deskEvents.PublishAsync(new DeskEvent(user.ForceId, conversationId, DeskEventKind.ReplySent, reply.Id), cancellationToken);
        return ReplyResult.Sent(reply.Id);
    }

    private static async Task<ConversationView?> LoadAsync(BlueLampDb db, Guid conversationId, CancellationToken cancellationToken)
    {
        var header = await (
                from c in db.Conversations.AsNoTracking()
                join a in db.Accounts on c.AccountId equals a.Id
                join p in db.People on c.PersonId equals p.Id
                where c.Id == conversationId
                select new { c.Id, a.Platform, Account = a.DisplayName, Person = p.DisplayName, c.Kind, c.Status, c.Grade, c.OpenedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
            return null;
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.RecordedAt)
            .Select(m => new MessageView(m.Id, m.Direction, m.Text, m.SentAt, m.AuthorName, m.DeliveryState))
            .ToListAsync(cancellationToken);
        return new ConversationView(header.Id, header.Platform, header.Account, header.Person, header.Kind, header.Status,
            header.Grade, header.OpenedAt, messages);
    }
}
