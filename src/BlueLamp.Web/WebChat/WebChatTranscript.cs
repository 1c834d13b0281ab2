using BlueLamp.Channels.WebChat;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.WebChat;

/// <summary>Reads a visitor's own conversation back to them, and nothing else.</summary>
public sealed class WebChatTranscript(BlueLampDbFactory dbs)
{
    /// <summary>The visitor's conversation on this account, or null when they have not written yet.</summary>
    public async Task<Guid?> FindConversationAsync(WebChatAccount chat, string visitorToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var threadKey = VisitorToken.Hash(visitorToken);
        await using var db = dbs.ForForce(chat.ForceId);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.AccountId == chat.AccountId && c.ThreadKey == threadKey)
            .Select(c => (Guid?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebChatMessage>> ReadAsync(WebChatAccount chat, Guid conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var db = dbs.ForForce(chat.ForceId);
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.RecordedAt)
            .Select(m => new { m.Id, m.Direction, m.Text, m.SentAt })
            .ToListAsync(cancellationToken);
        return rows.Select(m => ToPublic(chat, m.Id, m.Direction, m.Text, m.SentAt)).ToList();
    }

    public async Task<WebChatMessage?> ReadOneAsync(WebChatAccount chat, Guid conversationId, Guid messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var db = dbs.ForForce(chat.ForceId);
        var m = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.ConversationId == conversationId)
            .Select(m => new { m.Id, m.Direction, m.Text, m.SentAt })
            .SingleOrDefaultAsync(cancellationToken);
        return m is null ? null : ToPublic(chat, m.Id, m.Direction, m.Text, m.SentAt);
    }

    public static InboundMessage ToInbound(WebChatAccount chat, string visitorToken, WebChatPost post, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(post);
        var visitor = VisitorToken.Hash(visitorToken);
        return new InboundMessage(chat.AccountId, Platform.WebChat, ConversationKind.DirectMessage, visitor, visitor,
            post.Name, $"{visitor}:{post.ClientMessageId}", post.Text!, now);
    }

    private static WebChatMessage ToPublic(WebChatAccount chat, Guid id, MessageDirection direction, string text, DateTimeOffset sentAt) =>
        direction == MessageDirection.Outbound
            ? new WebChatMessage(id, chat.ForceName, text, sentAt, FromForce: true)
            : new WebChatMessage(id, "You", text, sentAt, FromForce: false);
}
