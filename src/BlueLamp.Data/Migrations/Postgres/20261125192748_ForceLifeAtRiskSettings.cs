using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HoldingReplyEnglish",
                table: "forces",
                type: "character varying(640)",
                maxLength: 640,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HoldingReplyWelsh",
                table: "forces",
                type: "character varying(640)",
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
