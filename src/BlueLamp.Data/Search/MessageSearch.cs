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

    /// <summary>The words of a search, letters and digits only, so no user input reaches the query syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        query is null ? [] : Word().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxTerms).ToList();

    /// <summary>The conversations of the context's force with a message matching every term.</summary>
    public static IQueryable<Guid> MatchingConversations(BlueLampDb db, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(terms);
        var forceId = db.ForceId ?? throw new InvalidOperationException("Search runs in a context scoped to a force.");
        if (terms.Count == 0)
            throw new ArgumentException("Search for at least one word.", nameof(terms));

        // Raw SQL bypasses the query filter, so the force is matched here explicitly.
        return db is PostgresBlueLampDb
            ? db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM messages WHERE \"ForceId\" = {0} AND search_vector @@ to_tsquery('simple', {1})",
                forceId, string.Join(" & ", terms.Select(t => t + ":*")))
            : db.Database.SqlQueryRaw<Guid>(
                "SELECT DISTINCT \"ConversationId\" AS \"Value\" FROM messages_fts WHERE messages_fts MATCH {1} AND \"ForceId\" = {0}",
                forceId, string.Join(' ', terms.Select(t => "\"" + t + "\"*")));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
