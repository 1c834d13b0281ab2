using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicCommentsAndSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HiddenAt",
                table: "messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenByName",
                table: "messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "messages",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SentPrivately",
                table: "messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SafePublicLineEnglish",
                table: "forces",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SafePublicLineWelsh",
                table: "forces",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            // The full-text index gains each message's conversation as a token, so the desk's search can name the
            // conversations it shows instead of reading every message that matches a common word.
            foreach (var sql in BlueLamp.Data.Search.MessageSearchIndex.SqliteRebuild)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the index of MessageSearch: text and ids only.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS messages_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS messages_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS messages_fts_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS messages_fts;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE messages_fts USING fts5(\"Text\", \"MessageId\" UNINDEXED, \"ConversationId\" UNINDEXED, \"ForceId\" UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("INSERT INTO messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\") SELECT \"Text\", \"Id\", \"ConversationId\", \"ForceId\" FROM messages;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN INSERT INTO messages_fts(\"Text\", \"MessageId\", \"ConversationId\", \"ForceId\") VALUES (new.\"Text\", new.\"Id\", new.\"ConversationId\", new.\"ForceId\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_update AFTER UPDATE OF \"Text\" ON messages BEGIN UPDATE messages_fts SET \"Text\" = new.\"Text\" WHERE \"MessageId\" = new.\"Id\"; END;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN DELETE FROM messages_fts WHERE \"MessageId\" = old.\"Id\"; END;");

            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "HiddenByName",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "SentPrivately",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "SafePublicLineEnglish",
                table: "forces");

            migrationBuilder.DropColumn(
                name: "SafePublicLineWelsh",
                table: "forces");
        }
    }
}
