using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over every message (FTS5). The index keeps its own copy of the text keyed by the
            // message id, so it never depends on SQLite's implicit rowids (which VACUUM may renumber).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE messages_fts USING fts5(\"Text\", \"MessageId\" UNINDEXED, \"ConversationId\" UNINDEXED, \"ForceId\" UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("INSERT INTO messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\") SELECT \"Text\", \"Id\", \"ConversationId\", \"ForceId\" FROM messages;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN INSERT INTO messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\") VALUES (new.\"Text\", new.\"Id\", new.\"ConversationId\", new.\"ForceId\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_update AFTER UPDATE OF \"Text\" ON messages BEGIN UPDATE messages_fts SET \"Text\" = new.\"Text\" WHERE \"MessageId\" = new.\"Id\"; END;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN DELETE FROM messages_fts WHERE \"MessageId\" = old.\"Id\"; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS messages_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS messages_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS messages_fts_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS messages_fts;");
        }
    }
}
