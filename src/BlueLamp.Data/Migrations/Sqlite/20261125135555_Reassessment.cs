using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reassessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReviewDueAt",
                table: "conversations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewDueAt",
                table: "conversations");
        }
    }
}
