using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Assessments made before the column say which model read them in their engine version ("1.4.0+lar-2026.11-1");
            // one without a '+' was made by the rules alone.
            migrationBuilder.Sql("""
                UPDATE risk_assessments SET "LifeAtRiskModelVersion" = split_part("EngineVersion", '+', 2) WHERE position('+' in "EngineVersion") > 0;
                """);

            migrationBuilder.AddColumn<bool>(
                name: "LifeAtRiskModelOff",
                table: "forces",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "raised_alarms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OverturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverturnedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OverturnedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OverturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
