using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over every message: a generated tsvector with a GIN index. The 'simple' configuration
            // treats English and Welsh alike (no stemming), so a search finds the words as people typed them.
            migrationBuilder.Sql("ALTER TABLE messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', \"Text\")) STORED;");
            migrationBuilder.Sql("CREATE INDEX ix_messages_search_vector ON messages USING GIN (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_messages_search_vector;");
            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN IF EXISTS search_vector;");
        }
    }
}
