using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForceLifeAtRiskSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HandoverAcknowledgeSeconds",
                table: "forces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HoldingReplyEnglish",
                table: "forces",
                type: "TEXT",
                maxLength: 640,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HoldingReplyWelsh",
                table: "forces",
                type: "TEXT",
                maxLength: 640,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandoverAcknowledgeSeconds",
                table: "forces");

            migrationBuilder.DropColumn(
                name: "HoldingReplyEnglish",
                table: "forces");

            migrationBuilder.DropColumn(
                name: "HoldingReplyWelsh",
                table: "forces");
        }
    }
}
