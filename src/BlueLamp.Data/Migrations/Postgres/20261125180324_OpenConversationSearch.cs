using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenConversationSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The desk's queue search reads an index of open conversations' messages only (see MessageSearchIndex).
            foreach (var sql in BlueLamp.Data.Search.MessageSearchIndex.PostgresOpenConversations)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in BlueLamp.Data.Search.MessageSearchIndex.PostgresOpenConversationsDrop)
                migrationBuilder.Sql(sql);
        }
    }
}
