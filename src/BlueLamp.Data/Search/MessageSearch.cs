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

    /// <summary>
    /// Up to this many candidate conversations are searched by naming them to the index; beyond it (a surge of
    /// thousands) the index's matches are read whole and intersected.
    /// </summary>
    public const int MaxNamedCandidates = 2000;

    /// <summary>The words of a search, letters and digits only, so no user input reaches the query syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        query is null ? [] : Word().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxTerms).ToList();

    /// <summary>
    /// Which of the <paramref name="candidates"/> (conversations of the context's force, e.g. the open ones the desk
    /// shows) have a message matching every term. A common word matches hundreds of thousands of messages in a large
    /// force; naming the few candidates lets the index intersect instead of reading every match.
    /// </summary>
    public static async Task<IReadOnlyCollection<Guid>> MatchingAmongAsync(BlueLampDb db, IReadOnlyList<string> terms, IReadOnlyCollection<Guid> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(candidates);
        var forceId = ForceOf(db, terms);
        if (candidates.Count == 0)
            return [];
        if (candidates.Count > MaxNamedCandidates)
        {
            var all = await MatchingConversations(db, terms).ToListAsync(cancellationToken);
            return all.Intersect(candidates).ToList();
        }
        // Raw SQL bypasses the query filter, so the force is matched here explicitly.
        var ids = candidates.ToArray();
        return db is PostgresBlueLampDb
            ? await db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM messages WHERE \"ForceId\" = {0} AND \"ConversationId\" = ANY({1}) AND search_vector @@ to_tsquery('simple', {2})",
                forceId, ids, PostgresQuery(terms)).ToListAsync(cancellationToken)
            : await db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM messages_fts WHERE messages_fts MATCH {1} AND \"ForceId\" = {0}",
                forceId, $"{SqliteTextQuery(terms)} AND \"{SqliteConversationColumn}\" : ({string.Join(" OR ", ids.Select(ConversationToken))})").ToListAsync(cancellationToken);
    }

    /// <summary>The conversations of the context's force with a message matching every term.</summary>
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

    /// <summary>The FTS5 column that holds each message's conversation as one token, so a search can name conversations.</summary>
    public const string SqliteConversationColumn = "Conversation";

    /// <summary>A conversation id as the FTS5 index holds it: 32 hex digits, one token, quoted in queries.</summary>
    public static string ConversationToken(Guid conversationId) => "\"" + conversationId.ToString("N") + "\"";

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
