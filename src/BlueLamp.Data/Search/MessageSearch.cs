using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data.Search;

/// <summary>
/// Full-text search over all message text of a force: SQLite FTS5 or PostgreSQL tsvector, never a LIKE scan.
/// Every word the user types must appear (as a word or the start of one), in any order.
/// </summary>
public static partial class MessageSearch
{
    public const int MaxTerms = 8;

    /// <summary>The FTS5 column that holds each message's conversation as one token, so the index can find a conversation's rows.</summary>
    public const string SqliteConversationColumn = "Conversation";

    /// <summary>The words of a search, letters and digits only, so no user input reaches the query syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        query is null ? [] : Word().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxTerms).ToList();

    /// <summary>
    /// The open conversations of the context's force with a message matching every term, from the index of open
    /// conversations' messages (<see cref="MessageSearchIndex"/>). The desk's queue shows only open conversations, and
    /// those are few: a common word matches thousands of rows there, not the hundreds of thousands it matches in all
    /// of a force's messages, and a rare word is as quick as ever. The index may briefly hold a conversation that has
    /// just closed, so callers keep their own <c>Status == Open</c> condition.
    /// </summary>
    public static IQueryable<Guid> MatchingOpenConversations(BlueLampDb db, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(db);
        var forceId = ForceOf(db, terms);
        // Raw SQL bypasses the query filter, so the force is matched here explicitly.
        return db is PostgresBlueLampDb
            ? db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM open_message_search WHERE \"ForceId\" = {0} AND search_vector @@ to_tsquery('simple', {1})",
                forceId, PostgresQuery(terms))
            : db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM open_messages_fts WHERE open_messages_fts MATCH {1} AND \"ForceId\" = {0}",
                forceId, SqliteTextQuery(terms));
    }

    /// <summary>The conversations of the context's force, open or closed, with a message matching every term.</summary>
    public static IQueryable<Guid> MatchingConversations(BlueLampDb db, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(db);
        var forceId = ForceOf(db, terms);
        // Raw SQL bypasses the query filter, so the force is matched here explicitly.
        return db is PostgresBlueLampDb
            ? db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM messages WHERE \"ForceId\" = {0} AND search_vector @@ to_tsquery('simple', {1})",
                forceId, PostgresQuery(terms))
            : db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM messages_fts WHERE messages_fts MATCH {1} AND \"ForceId\" = {0}",
                forceId, SqliteTextQuery(terms));
    }

    private static Guid ForceOf(BlueLampDb db, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var forceId = db.ForceId ?? throw new InvalidOperationException("Search runs in a context scoped to a force.");
        if (terms.Count == 0)
            throw new ArgumentException("Search for at least one word.", nameof(terms));
        return forceId;
    }

    private static string PostgresQuery(IReadOnlyList<string> terms) => string.Join(" & ", terms.Select(t => t + ":*"));

    // Only the message text is searched for the user's words, never the conversation tokens beside it.
    private static string SqliteTextQuery(IReadOnlyList<string> terms) => "\"Text\" : (" + string.Join(" AND ", terms.Select(t => "\"" + t + "\"*")) + ")";

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
