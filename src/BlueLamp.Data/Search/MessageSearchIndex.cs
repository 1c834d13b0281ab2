namespace BlueLamp.Data.Search;

/// <summary>
/// The SQLite FTS5 index of message text, as migrations create it: the text (searched), the message, conversation and
/// force ids (kept for the answer), and the conversation again as one searchable token so a search can be limited
/// to named conversations. Kept current by triggers on <c>messages</c>.
/// </summary>
public static class MessageSearchIndex
{
    /// <summary>Drops the index and its triggers and builds it again from every message.</summary>
    public static readonly IReadOnlyList<string> SqliteRebuild =
    [
        "DROP TRIGGER IF EXISTS messages_fts_insert;",
        "DROP TRIGGER IF EXISTS messages_fts_update;",
        "DROP TRIGGER IF EXISTS messages_fts_delete;",
        "DROP TABLE IF EXISTS messages_fts;",
        "CREATE VIRTUAL TABLE messages_fts USING fts5(\"Text\", \"MessageId\" UNINDEXED, \"ConversationId\" UNINDEXED, \"ForceId\" UNINDEXED, \"Conversation\", tokenize = 'unicode61 remove_diacritics 2');",
        "INSERT INTO messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\", \"Conversation\") SELECT \"Text\", \"Id\", \"ConversationId\", \"ForceId\", " + Token("\"ConversationId\"") + " FROM messages;",
        "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN INSERT INTO messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\", \"Conversation\") VALUES (new.\"Text\", new.\"Id\", new.\"ConversationId\", new.\"ForceId\", " + Token("new.\"ConversationId\"") + "); END;",
        "CREATE TRIGGER messages_fts_update AFTER UPDATE OF \"Text\", \"ConversationId\" ON messages BEGIN UPDATE messages_fts SET \"Text\" = new.\"Text\", \"ConversationId\" = new.\"ConversationId\", \"Conversation\" = " + Token("new.\"ConversationId\"") + " WHERE \"MessageId\" = new.\"Id\"; END;",
        "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN DELETE FROM messages_fts WHERE \"MessageId\" = old.\"Id\"; END;",
    ];

    // EF Core keeps GUIDs as text with hyphens; the token is the same 32 hex digits, lower case, as MessageSearch.ConversationToken.
    private static string Token(string column) => $"lower(replace({column}, '-', ''))";
}
