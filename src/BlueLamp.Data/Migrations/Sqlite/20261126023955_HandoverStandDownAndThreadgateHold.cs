using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HandoverStandDownAndThreadgateHold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_handover_dispatches_HandoverId",
                table: "handover_dispatches");

            migrationBuilder.AddColumn<string>(
                name: "CommentsHoldUndo",
                table: "post_copies",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReopenedAt",
                table: "handovers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StandDownConfirmedAt",
                table: "handovers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandDownConfirmedByName",
                table: "handovers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandDownReason",
                table: "handovers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StoodDownAt",
                table: "handovers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoodDownByName",
                table: "handovers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoodDownByUserId",
                table: "handovers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ByName",
                table: "handover_dispatches",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "handover_dispatches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "handover_dispatches",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "handover_dispatches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_handover_dispatches_HandoverId_Sequence",
                table: "handover_dispatches",
                columns: new[] { "HandoverId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_handover_dispatches_HandoverId_Sequence",
                table: "handover_dispatches");

            migrationBuilder.DropColumn(
                name: "CommentsHoldUndo",
                table: "post_copies");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "StandDownConfirmedAt",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "StandDownConfirmedByName",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "StandDownReason",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "StoodDownAt",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "StoodDownByName",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "StoodDownByUserId",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "ByName",
                table: "handover_dispatches");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "handover_dispatches");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "handover_dispatches");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "handover_dispatches");

            migrationBuilder.CreateIndex(
                name: "IX_handover_dispatches_HandoverId",
                table: "handover_dispatches",
                column: "HandoverId",
                unique: true);
        }
    }
}
