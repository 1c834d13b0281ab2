using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTriggersByConversation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index's edit and delete triggers find a row through its conversation instead of scanning
            // the whole index (see MessageSearchIndex.SqliteChangeTriggers).
            foreach (var sql in BlueLamp.Data.Search.MessageSearchIndex.SqliteChangeTriggers)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in BlueLamp.Data.Search.MessageSearchIndex.SqliteChangeTriggersBefore)
                migrationBuilder.Sql(sql);
        }
    }
}
