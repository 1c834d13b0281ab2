using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ModelSwitchAndOverturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LifeAtRiskModelVersion",
                table: "risk_assessments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Assessments made before the column say which model read them in their engine version ("1.4.0+lar-2026.11-1");
            // one without a '+' was made by the rules alone.
            migrationBuilder.Sql("""
                UPDATE risk_assessments SET "LifeAtRiskModelVersion" = substr("EngineVersion", instr("EngineVersion", '+') + 1) WHERE instr("EngineVersion", '+') > 0;
                """);

            migrationBuilder.AddColumn<bool>(
                name: "LifeAtRiskModelOff",
                table: "forces",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "raised_alarms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OverturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverturnedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OverturnedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OverturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_raised_alarms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_raised_alarms_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rate_windows",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rate_windows", x => new { x.Name, x.WindowStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_raised_alarms_ConversationId_RaisedAt",
                table: "raised_alarms",
                columns: new[] { "ConversationId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_raised_alarms_ForceId_RaisedAt",
                table: "raised_alarms",
                columns: new[] { "ForceId", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "raised_alarms");

            migrationBuilder.DropTable(
                name: "rate_windows");

            migrationBuilder.DropColumn(
                name: "LifeAtRiskModelVersion",
                table: "risk_assessments");

            migrationBuilder.DropColumn(
                name: "LifeAtRiskModelOff",
                table: "forces");
        }
    }
}
