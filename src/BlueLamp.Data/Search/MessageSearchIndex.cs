namespace BlueLamp.Data.Search;

/// <summary>
/// The full-text indexes of message text, as migrations create them, kept current by triggers.
/// <list type="bullet">
/// <item>Every message (SQLite FTS5 <c>messages_fts</c>; PostgreSQL <c>messages.search_vector</c>): the search over all
/// conversation text.</item>
/// <item>Only the messages of open conversations (<c>open_messages_fts</c>; <c>open_message_search</c>): what the desk
/// queue searches. About one conversation in fifty is open, so a common word matches a few thousand rows here instead
/// of hundreds of thousands in the whole index, and a rare word costs the same as before.</item>
/// </list>
/// </summary>
public static class MessageSearchIndex
{
    /// <summary>
    /// The SQLite index's edit and delete triggers. They find the message's row through its conversation's token (an
    /// index lookup) and then its id: <c>MessageId</c> is not indexed, so looking it up alone read the whole index
    /// (a million rows) for every edit or deletion, e.g. of each message a retention clean-up removes.
    /// </summary>
    public static readonly IReadOnlyList<string> SqliteChangeTriggers =
    [
        "DROP TRIGGER IF EXISTS messages_fts_update;",
        "DROP TRIGGER IF EXISTS messages_fts_delete;",
        "CREATE TRIGGER messages_fts_update AFTER UPDATE OF \"Text\", \"ConversationId\" ON messages BEGIN UPDATE messages_fts SET \"Text\" = new.\"Text\", \"ConversationId\" = new.\"ConversationId\", \"Conversation\" = " + Token("new.\"ConversationId\"") +
            " WHERE messages_fts MATCH " + SqliteConversationMatch("old.\"ConversationId\"") + " AND \"MessageId\" = old.\"Id\"; END;",
        "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN DELETE FROM messages_fts WHERE messages_fts MATCH " + SqliteConversationMatch("old.\"ConversationId\"") +
            " AND \"MessageId\" = old.\"Id\"; END;",
    ];

    /// <summary>The edit and delete triggers as they were (a scan of the whole index per row), for going back.</summary>
    public static readonly IReadOnlyList<string> SqliteChangeTriggersBefore =
    [
        "DROP TRIGGER IF EXISTS messages_fts_update;",
        "DROP TRIGGER IF EXISTS messages_fts_delete;",
        "CREATE TRIGGER messages_fts_update AFTER UPDATE OF \"Text\", \"ConversationId\" ON messages BEGIN UPDATE messages_fts SET \"Text\" = new.\"Text\", \"ConversationId\" = new.\"ConversationId\", \"Conversation\" = " + Token("new.\"ConversationId\"") + " WHERE \"MessageId\" = new.\"Id\"; END;",
        "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN DELETE FROM messages_fts WHERE \"MessageId\" = old.\"Id\"; END;",
    ];

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
        // Declared above this list on purpose: static fields are set in the order they are written.
        .. SqliteChangeTriggers,
    ];

    /// <summary>Removes the SQLite index of open conversations' messages and its triggers.</summary>
    public static readonly IReadOnlyList<string> SqliteOpenConversationsDrop =
    [
        "DROP TRIGGER IF EXISTS open_messages_fts_insert;",
        "DROP TRIGGER IF EXISTS open_messages_fts_update;",
        "DROP TRIGGER IF EXISTS open_messages_fts_delete;",
        "DROP TRIGGER IF EXISTS open_messages_fts_status;",
        "DROP TRIGGER IF EXISTS open_messages_fts_conversation_delete;",
        "DROP TABLE IF EXISTS open_messages_fts;",
    ];

    /// <summary>Removes the PostgreSQL index of open conversations' messages, its triggers and functions.</summary>
    public static readonly IReadOnlyList<string> PostgresOpenConversationsDrop =
    [
        "DROP TRIGGER IF EXISTS open_message_search_message ON messages;",
        "DROP TRIGGER IF EXISTS open_message_search_status ON conversations;",
        "DROP TRIGGER IF EXISTS open_message_search_conversation_delete ON conversations;",
        "DROP FUNCTION IF EXISTS open_message_search_message();",
        "DROP FUNCTION IF EXISTS open_message_search_conversation();",
        "DROP TABLE IF EXISTS open_message_search;",
    ];

    /// <summary>
    /// SQLite: the FTS5 index of open conversations' messages. A message is added when it arrives in an open
    /// conversation; a conversation's messages are removed when it closes and added again when it reopens (found
    /// through the conversation's token, so no scan). SQLite has one writer, so the index never races the status.
    /// </summary>
    public static readonly IReadOnlyList<string> SqliteOpenConversations =
    [
        .. SqliteOpenConversationsDrop,
        "CREATE VIRTUAL TABLE open_messages_fts USING fts5(\"Text\", \"MessageId\" UNINDEXED, \"ConversationId\" UNINDEXED, \"ForceId\" UNINDEXED, \"Conversation\", tokenize = 'unicode61 remove_diacritics 2');",
        "INSERT INTO open_messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\", \"Conversation\") SELECT m.\"Text\", m.\"Id\", m.\"ConversationId\", m.\"ForceId\", " + Token("m.\"ConversationId\"") + " FROM messages m JOIN conversations c ON c.\"Id\" = m.\"ConversationId\" WHERE c.\"Status\" = " + Open + ";",
        "CREATE TRIGGER open_messages_fts_insert AFTER INSERT ON messages WHEN EXISTS (SELECT 1 FROM conversations WHERE \"Id\" = new.\"ConversationId\" AND \"Status\" = " + Open + ") BEGIN " +
            "INSERT INTO open_messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\", \"Conversation\") VALUES (new.\"Text\", new.\"Id\", new.\"ConversationId\", new.\"ForceId\", " + Token("new.\"ConversationId\"") + "); END;",
        "CREATE TRIGGER open_messages_fts_update AFTER UPDATE OF \"Text\", \"ConversationId\" ON messages BEGIN " +
            "DELETE FROM open_messages_fts WHERE open_messages_fts MATCH " + SqliteConversationMatch("old.\"ConversationId\"") + " AND \"MessageId\" = old.\"Id\"; " +
            "INSERT INTO open_messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\", \"Conversation\") SELECT new.\"Text\", new.\"Id\", new.\"ConversationId\", new.\"ForceId\", " + Token("new.\"ConversationId\"") +
            " FROM conversations WHERE \"Id\" = new.\"ConversationId\" AND \"Status\" = " + Open + "; END;",
        "CREATE TRIGGER open_messages_fts_delete AFTER DELETE ON messages BEGIN " +
            "DELETE FROM open_messages_fts WHERE open_messages_fts MATCH " + SqliteConversationMatch("old.\"ConversationId\"") + " AND \"MessageId\" = old.\"Id\"; END;",
        "CREATE TRIGGER open_messages_fts_status AFTER UPDATE OF \"Status\" ON conversations WHEN old.\"Status\" <> new.\"Status\" BEGIN " +
            "DELETE FROM open_messages_fts WHERE open_messages_fts MATCH " + SqliteConversationMatch("old.\"Id\"") + "; " +
            "INSERT INTO open_messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\", \"Conversation\") SELECT \"Text\", \"Id\", \"ConversationId\", \"ForceId\", " + Token("\"ConversationId\"") +
            " FROM messages WHERE \"ConversationId\" = new.\"Id\" AND new.\"Status\" = " + Open + "; END;",
        "CREATE TRIGGER open_messages_fts_conversation_delete AFTER DELETE ON conversations BEGIN " +
            "DELETE FROM open_messages_fts WHERE open_messages_fts MATCH " + SqliteConversationMatch("old.\"Id\"") + "; END;",
    ];

    /// <summary>
    /// PostgreSQL: a table of open conversations' message vectors with its own GIN index, kept by the same rules as
    /// SQLite's. Two transactions racing (a message arriving while another closes its conversation) can leave a row
    /// of a closed conversation behind; that is harmless, because the desk keeps only open conversations of what the
    /// index finds. A conversation's rows are rebuilt whenever its status changes.
    /// </summary>
    public static readonly IReadOnlyList<string> PostgresOpenConversations =
    [
        .. PostgresOpenConversationsDrop,
        "CREATE TABLE open_message_search (\"MessageId\" uuid PRIMARY KEY, \"ConversationId\" uuid NOT NULL, \"ForceId\" uuid NOT NULL, search_vector tsvector NOT NULL);",
        "INSERT INTO open_message_search SELECT m.\"Id\", m.\"ConversationId\", m.\"ForceId\", m.search_vector FROM messages m JOIN conversations c ON c.\"Id\" = m.\"ConversationId\" WHERE c.\"Status\" = " + Open + ";",
        "CREATE INDEX ix_open_message_search_vector ON open_message_search USING GIN (search_vector);",
        "CREATE INDEX ix_open_message_search_conversation ON open_message_search (\"ConversationId\");",
        $$"""
        CREATE FUNCTION open_message_search_message() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM open_message_search WHERE "MessageId" = OLD."Id";
            END IF;
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO open_message_search SELECT NEW."Id", NEW."ConversationId", NEW."ForceId", NEW.search_vector
                FROM conversations WHERE "Id" = NEW."ConversationId" AND "Status" = {{Open}};
            END IF;
            RETURN NULL;
        END $$;
        """,
        "CREATE TRIGGER open_message_search_message AFTER INSERT OR DELETE OR UPDATE OF \"Text\", \"ConversationId\" ON messages FOR EACH ROW EXECUTE FUNCTION open_message_search_message();",
        $$"""
        CREATE FUNCTION open_message_search_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM open_message_search WHERE "ConversationId" = OLD."Id";
            IF TG_OP = 'UPDATE' AND NEW."Status" = {{Open}} THEN
                INSERT INTO open_message_search SELECT "Id", "ConversationId", "ForceId", search_vector FROM messages WHERE "ConversationId" = NEW."Id";
            END IF;
            RETURN NULL;
        END $$;
        """,
        "CREATE TRIGGER open_message_search_status AFTER UPDATE OF \"Status\" ON conversations FOR EACH ROW WHEN (OLD.\"Status\" IS DISTINCT FROM NEW.\"Status\") EXECUTE FUNCTION open_message_search_conversation();",
        "CREATE TRIGGER open_message_search_conversation_delete AFTER DELETE ON conversations FOR EACH ROW EXECUTE FUNCTION open_message_search_conversation();",
    ];

    // ConversationStatus.Open, as stored.
    private const string Open = "1";

    // EF Core keeps GUIDs as text with hyphens; the token is the same 32 hex digits, lower case, as Guid.ToString("N").
    private static string Token(string column) => $"lower(replace({column}, '-', ''))";

    // An FTS5 query for every row of one conversation, by its token (an index lookup, not a scan).
    private static string SqliteConversationMatch(string column) => $"('\"{MessageSearch.SqliteConversationColumn}\" : \"' || {Token(column)} || '\"')";
}
